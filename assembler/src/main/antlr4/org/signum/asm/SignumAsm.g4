// The grammar of one line of Signum assembly (docs/assembly.md describes the language).
//
// The assembler feeds this parser one physical line at a time: the language is line oriented, no
// token spans a line break, and a bad line then yields exactly one message and never derails the
// lines after it. Macro bodies are raw text that the assembler captures between '.macro' and
// '.endm' and parses again after substitution, so they need no rule here.
//
// Mnemonics and directive names are plain identifiers, not tokens: the assembler resolves them
// against the instruction table in the isa module, so an unknown one gets "unknown mnemonic ...,
// did you mean ...?" instead of a parse error, and a new instruction needs no grammar change.
grammar SignumAsm;

line
  : label* (macroHeader | statement)? EOF
  ;

// 'name:' or, for a local numeric label, '1:'.
label
  : name=(IDENT | DEC) COLON
  ;

// '.macro NAME p1, p2'; the body follows on the next lines, up to '.endm'.
macroHeader
  : MACRO name=IDENT (params+=IDENT (COMMA params+=IDENT)*)?
  ;

// An instruction, pseudo-instruction, macro invocation or directive.
statement
  : name=IDENT (operand (COMMA operand)*)?
  ;

operand
  : STRING                                          # stringOperand
  | memory=IDENT LBRACK expr RBRACK increment=PLUS? # memoryOperand
  | expr                                            # exprOperand
  ;

// C precedence, tightest first. Alternatives sharing a label have the same shape.
expr
  : op=(PLUS | MINUS | TILDE) expr                      # unaryExpr
  | left=expr op=(STAR | SLASH | PERCENT) right=expr    # binaryExpr
  | left=expr op=(PLUS | MINUS) right=expr              # binaryExpr
  | left=expr op=(SHL | SHR) right=expr                 # binaryExpr
  | left=expr op=AMP right=expr                         # binaryExpr
  | left=expr op=CARET right=expr                       # binaryExpr
  | left=expr op=PIPE right=expr                        # binaryExpr
  | LPAREN expr RPAREN                                  # parenExpr
  | value=(DEC | HEX | BIN)                             # numberExpr
  | LOCAL_REF                                           # localRefExpr
  | IDENT                                               # symbolExpr
  ;

MACRO : '.macro' ;

STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;

// Lexed on purpose so that the assembler can say what is wrong instead of "unexpected '"'".
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'? ;

// '0x' with no digits is kept whole so that the message can name it.
HEX : '0' [xX] [0-9a-fA-F_]* ;

BIN : '0' [bB] [01_]+ ;

// '1b' and '1f' refer to the nearest local label '1:' backward or forward. Listed before
// MALFORMED_NUMBER so that a tie in length goes to it; '0b1' is longer, so it stays binary.
LOCAL_REF : [0-9]+ [bf] ;

DEC : [0-9] [0-9_]* ;

// Any other run of characters that starts with a digit, such as '12ab' or '1.5': one token, so
// that the message quotes all of it.
MALFORMED_NUMBER : [0-9] [0-9A-Za-z_.$]* ;

IDENT : [A-Za-z_.$] [A-Za-z0-9_.$]* ;

COLON : ':' ;
COMMA : ',' ;
LBRACK : '[' ;
RBRACK : ']' ;
LPAREN : '(' ;
RPAREN : ')' ;
PLUS : '+' ;
MINUS : '-' ;
TILDE : '~' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
SHL : '<<' ;
SHR : '>>' ;
AMP : '&' ;
CARET : '^' ;
PIPE : '|' ;

COMMENT : ';' ~[\r\n]* -> skip ;

WS : [ \t\f\u000B]+ -> skip ;

// Everything else reaches the parser as one token that the assembler reports by name, so the
// lexer itself never fails.
BAD_CHAR : . ;
