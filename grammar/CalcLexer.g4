// Lexer of the .calc language (docs/language-reference.md §2). It never fails:
// anything it cannot match becomes an error token (BAD_*, UNTERMINATED_*) that
// the front end reports with a precise message before parsing
// (frontend/TokenChecks.cpp).
lexer grammar CalcLexer;

channels { DOC }

@lexer::members {
  /// `}` closes either a block or a `${` interpolation; popping an empty mode
  /// stack would throw, so unbalanced `}` just stays in the default mode.
  void popModeIfAny() {
    if (!modeStack.empty())
      popMode();
  }
}

// Reserved keywords (docs/language-reference.md §2).
AND : 'and' ;
AS : 'as' ;
ASSERT : 'assert' ;
BY : 'by' ;
ELSE : 'else' ;
EVALUATE : 'evaluate' ;
EXPECT : 'expect' ;
FALSE : 'false' ;
IF : 'if' ;
IMPORT : 'import' ;
IN : 'in' ;
KEEP : 'keep' ;
LET : 'let' ;
MAXIMIZE : 'maximize' ;
MINIMIZE : 'minimize' ;
MOD : 'mod' ;
NOT : 'not' ;
OR : 'or' ;
OUTPUT : 'output' ;
REQUIRE : 'require' ;
SEARCH : 'search' ;
STEPS : 'steps' ;
SUPER : 'super' ;
THEN : 'then' ;
TRUE : 'true' ;
WHERE : 'where' ;
WITHIN : 'within' ;

// Contextual keywords: the parser accepts them wherever a name is expected.
MODEL : 'model' ;
SYSTEM : 'system' ;
EXECUTION : 'execution' ;
SERVING : 'serving' ;
SCHEMA : 'schema' ;
DERIVED : 'derived' ;
TABLE : 'table' ;
CSV : 'csv' ;
JSON : 'json' ;
PLOT : 'plot' ;
TO : 'to' ;

// Numbers: `_` only between digits; a '.' must have digits on both sides.
REAL
  : DIGITS '.' DIGITS EXPONENT?
  | DIGITS EXPONENT
  ;
INT : DIGITS ;
// `5.`, `1.e5` and `.5` are not numbers; `1..8` must stay INT DOTDOT INT.
BAD_NUMBER
  : DIGITS '.' { _input->LA(1) != '.' && !(_input->LA(1) >= '0' && _input->LA(1) <= '9') }?
  | '.' DIGITS
  | DIGITS '_'+   // `1_`, `1__000`: '_' only between digits
  ;
fragment DIGITS : [0-9] ('_'? [0-9])* ;
fragment EXPONENT : [eE] [+-]? DIGITS ;

ID : [a-zA-Z_] [a-zA-Z_0-9]* ;
// A word starting with the micro sign (U+00B5) or Greek mu (U+03BC), as in
// `5 µs`: an error with the fix-it `us`, after which lexing goes on as if `u`
// had been written (frontend/TokenChecks.cpp).
MICRO_WORD : ('\u00B5' | '\u03BC') [a-zA-Z_0-9]* ;

STRING_OPEN : '"' -> pushMode(STRING) ;

DOTDOT : '..' ;
DOT : '.' ;
COMMA : ',' ;
COLON : ':' ;
SEMI : ';' ;
QUESTION : '?' ;
EQEQ : '==' ;
NEQ : '!=' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
ASSIGN : '=' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
CARET : '^' ;
PERCENT : '%' ;
PIPE : '|' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
LBRACE : '{' -> pushMode(DEFAULT_MODE) ;
RBRACE : '}' { popModeIfAny(); } ;

DOC_COMMENT : '///' ~[\r\n]* -> channel(DOC) ;
LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
// No `*/` anywhere up to the end of file (else BLOCK_COMMENT matches).
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF ;
WS : [ \t\r\n\f]+ -> channel(HIDDEN) ;
BAD_CHAR : . ;

mode STRING;
STRING_CLOSE : '"' -> popMode ;
STRING_TEXT : ~["\\$\r\n]+ ;
STRING_ESCAPE : '\\' ["\\nt$] ;
BAD_ESCAPE : '\\' ~[\r\n]? ;
INTERP_OPEN : '${' -> pushMode(DEFAULT_MODE) ;
STRING_DOLLAR : '$' ;
// A newline or the end of file before the closing quote.
UNTERMINATED_STRING : [\r\n] -> popMode ;
