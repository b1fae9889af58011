// Parser of the .calc language (LANGUAGE.md §4-6). Placeholder until the front end lands.
parser grammar CalcParser;
options { tokenVocab = CalcLexer; }
file : ID* EOF ;
