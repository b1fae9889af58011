// Parser of the .calc language (docs/language-reference.md §4–6, the prelude's
// schemas in §4.1). Precedence is encoded one rule per level
// (grammar/README.md has the table); non-associative levels accept repetition
// here and frontend/ASTBuilder rejects it with a hint, which gives better
// messages than a parse error. frontend/Parser.cpp parses one `item` at a time
// so that a syntax error costs at most its own declaration.
parser grammar CalcParser;

options { tokenVocab = CalcLexer; }

@parser::members {
  /// Newlines separate members, so a unit binds to a number (and `/ word`
  /// extends a unit) only on the same line: `x = 2` followed by a line
  /// `training = true` must not read as the quantity `2 training`.
  bool sameLine() {
    antlr4::Token *prev = _input->LT(-1);
    antlr4::Token *next = _input->LT(1);
    return prev && next && prev->getLine() == next->getLine();
  }

  static bool startsOperand(size_t type) {
    switch (type) {
    case INT: case REAL: case ID: case LPAREN: case LBRACKET: case STRING_OPEN:
    case TRUE: case FALSE: case SUPER: case STEPS: case MODEL: case SYSTEM:
    case EXECUTION: case SERVING: case SCHEMA: case DERIVED: case TABLE: case CSV: case JSON:
    case TO:
      return true;
    default:
      return false;
    }
  }

  /// A unit follows a number or a list: a word on the same line, or `%`
  /// unless it is used as an operator (`7 % 3`, reported by the AST builder).
  bool unitFollows() {
    if (!sameLine())
      return false;
    antlr4::Token *next = _input->LT(1);
    if (next->getType() == ID)
      return true;
    if (next->getType() != PERCENT)
      return false;
    antlr4::Token *after = _input->LT(2);
    return !(after->getLine() == next->getLine() && startsOperand(after->getType()));
  }
}

// A whole file. Parser.cpp drives `item` directly; this rule documents the shape.
file : item* EOF ;

item
  : (importDecl | letDecl | schemaDecl | entityDecl | statement) SEMI?
  ;

// A `-D path=EXPR` value.
exprEntry : expr EOF ;

//===--- Declarations ----------------------------------------------------===//

importDecl : IMPORT string (AS ident)? ;

letDecl : LET ident ASSIGN expr ;

entityDecl : kind=(MODEL | SYSTEM | EXECUTION | SERVING) ident (COLON qualifiedName)? block ;

schemaDecl : SCHEMA ident LBRACE (schemaMember SEMI?)* RBRACE ;

schemaMember
  : DERIVED ident COLON schemaType ASSIGN expr    # derivedSchemaField
  | ident COLON schemaType (ASSIGN expr)?         # schemaField
  | requireClause                                 # schemaRequire
  ;

schemaType : schemaTypeBase QUESTION? ;

schemaTypeBase
  : string (PIPE string)*              # enumType
  | LBRACKET ident RBRACKET            # listType
  | STEPS LPAREN unit RPAREN           # stepsType
  | typeName                           # unitOrNamedType
  | INT                                # dimensionlessType
  ;

// A schema name (which may be a contextual keyword: `model: model`) or a unit.
typeName
  : PERCENT
  | ident ({sameLine()}? SLASH ID)*
  ;

//===--- Blocks and members ----------------------------------------------===//

block : LBRACE (member SEMI?)* RBRACE ;

member
  : ident ASSIGN expr                            # fieldMember
  | ident IN expr                                # domainMember
  | ident block                                  # nestedBlockMember
  | ident LBRACKET expr RBRACKET block           # indexedAmendMember
  | requireClause                                # requireMember
  | WHERE expr                                   # whereMember
  | objective (THEN objective)*                  # objectiveMember
  | KEEP expr                                    # keepMember
  ;

requireClause : REQUIRE expr (COLON string)? ;

objective : direction=(MAXIMIZE | MINIMIZE) expr ;

//===--- Statements ------------------------------------------------------===//

statement
  : keyword=(EVALUATE | SEARCH) ident ASSIGN ident block          # analysisStmt
  | OUTPUT format=(TABLE | CSV | JSON | PLOT) ident (DOT members+=ident)* outputLayout? outputColumns? (TO string)?  # outputStmt
  | keyword=(ASSERT | EXPECT) expr (COLON string)?                # checkStmt
  ;

// `vertical` and `horizontal` are words only here, on the output's line, so
// they stay usable as names everywhere else.
outputLayout
  : {sameLine() && (_input->LT(1)->getText() == "vertical" ||
                    _input->LT(1)->getText() == "horizontal")}? ID ;

outputColumns : LBRACE (outputColumn SEMI?)* RBRACE ;

// A label is a string on the column's line: `sample_rate as 1/s "samples/s"`.
// A plot's column may say which way is better (`maximize sample_rate`): the
// Pareto front of a search's scatter is drawn by it.
outputColumn : direction=(MAXIMIZE | MINIMIZE)? expr ({sameLine()}? label=string)? ;

//===--- Expressions, lowest first (docs/language-reference.md §5) --------===//

expr
  : IF expr THEN expr ELSE expr        # ifExpr
  | orExpr                             # operatorExpr
  ;

orExpr : operands+=andExpr (OR operands+=andExpr)* ;

andExpr : operands+=notExpr (AND operands+=notExpr)* ;

notExpr
  : NOT notExpr                        # notOp
  | compareExpr                        # notOperand
  ;

compareExpr : rangeExpr compareTail* ;

compareTail : op=(EQEQ | NEQ | LT | LE | GT | GE) rangeExpr (WITHIN rangeExpr)? ;

rangeExpr : asExpr rangeTail* ;

rangeTail : DOTDOT asExpr (BY asExpr)? ;

asExpr : addExpr (AS unit)* ;

addExpr : operands+=mulExpr (ops+=(PLUS | MINUS) operands+=mulExpr)* ;

// PERCENT is accepted as an operator only to report "use 'mod'".
mulExpr : operands+=unaryExpr (ops+=(STAR | SLASH | MOD | PERCENT) operands+=unaryExpr)* ;

unaryExpr
  : op=(MINUS | PLUS) unaryExpr        # signOp
  | powExpr                            # unaryOperand
  ;

// Right-associative, and the exponent may carry a sign: 2^-1, 2^3^2.
powExpr : postfixExpr (CARET unaryExpr)? ;

postfixExpr : primary postfixOp* ;

postfixOp
  : DOT ident                                        # memberOp
  | LPAREN (expr (COMMA expr)* COMMA?)? RPAREN       # callOp
  | LBRACKET expr RBRACKET                           # indexOp
  ;

primary
  : number ({unitFollows()}? unit)?                                # numberExpr
  | LBRACKET (expr (COMMA expr)* COMMA?)? RBRACKET ({unitFollows()}? unit)?  # listExpr
  | string                                                         # stringExpr
  | value=(TRUE | FALSE)                                           # boolExpr
  | qualifiedName block                                            # amendExpr
  | ident                                                          # nameExpr
  | SUPER DOT ident                                                # superExpr
  | STEPS LBRACE (stepEntry (COMMA stepEntry)* COMMA?)? RBRACE     # stepsExpr
  | LPAREN expr RPAREN                                             # parenExpr
  ;

stepEntry : expr COLON expr ;

number : INT | REAL ;

// Unit words joined by `/`, greedy (`80 GiB / t` is the unit `GiB/t`), or `%`.
unit
  : PERCENT
  | ID ({sameLine()}? SLASH ID)*
  ;

string : STRING_OPEN stringPart* STRING_CLOSE ;

stringPart
  : STRING_TEXT                        # textPart
  | STRING_ESCAPE                      # escapePart
  | STRING_DOLLAR                      # dollarPart
  | INTERP_OPEN expr RBRACE            # interpolationPart
  ;

qualifiedName : ident (DOT ident)* ;

// Contextual keywords are ordinary names outside their context.
ident : ID | MODEL | SYSTEM | EXECUTION | SERVING | SCHEMA | DERIVED | TABLE | CSV | JSON | PLOT | TO ;
