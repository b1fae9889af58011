// Lexer of the .calc language (LANGUAGE.md §2). Placeholder until the front end lands.
lexer grammar CalcLexer;
ID : [a-zA-Z_] [a-zA-Z_0-9]* ;
WS : [ \t\r\n]+ -> skip ;
