/*
 * The .fg language. Statements end at a newline or ';'. Inside parentheses a newline is
 * insignificant, so a call may continue over several lines. The lexer emits every NEWLINE; the
 * driver (io.factorgraph.dsl.parse.FgParser) tracks the parentheses, cuts the tokens into
 * statements and parses one statement at a time, so a syntax error never hides the next statement.
 */
grammar FactorGraph;

statementEof
    : statement EOF
    ;

statement
    : PARAM name=IDENT ASSIGN expr                          # paramStatement
    | INPUT name=IDENT COLON type=IDENT                     # inputStatement
    | CLOCK EVERY expr                                      # clockStatement
    | OUTPUT IDENT (COMMA IDENT)* COMMA?                    # outputStatement
    | SINK call                                             # sinkStatement
    | name=IDENT ASSIGN expr                                # definitionStatement
    ;

expr
    : LPAREN expr RPAREN                                    # parenExpr
    | call                                                  # callExpr
    | NUMBER                                                # numberExpr
    | DURATION                                              # durationExpr
    | (TRUE | FALSE)                                        # boolExpr
    | IDENT                                                 # nameExpr
    | op=MINUS expr                                         # negateExpr
    | left=expr op=(STAR | SLASH) right=expr                # binaryExpr
    | left=expr op=(PLUS | MINUS) right=expr                # binaryExpr
    | left=expr op=(LT | LE | GT | GE | EQ | NE) right=expr # binaryExpr
    | op=NOT expr                                           # notExpr
    | left=expr op=AND right=expr                           # binaryExpr
    | left=expr op=OR right=expr                            # binaryExpr
    ;

call
    : function=IDENT LPAREN (argument (COMMA argument)* COMMA?)? RPAREN
    ;

argument
    : (name=IDENT ASSIGN)? expr
    ;

PARAM  : 'param';
INPUT  : 'input';
CLOCK  : 'clock';
EVERY  : 'every';
OUTPUT : 'output';
SINK   : 'sink';
AND    : 'and';
OR     : 'or';
NOT    : 'not';
TRUE   : 'true';
FALSE  : 'false';

DURATION : DECIMAL ('ns' | 'us' | 'ms' | 's' | 'm' | 'h');
NUMBER   : DECIMAL EXPONENT?;
IDENT    : [a-zA-Z_] [a-zA-Z_0-9]*;

LPAREN : '(';
RPAREN : ')';
COMMA  : ',';
COLON  : ':';
SEMI   : ';';
LE     : '<=';
GE     : '>=';
EQ     : '==';
NE     : '!=';
LT     : '<';
GT     : '>';
ASSIGN : '=';
PLUS   : '+';
MINUS  : '-';
STAR   : '*';
SLASH  : '/';

NEWLINE : '\r'? '\n' | '\r';
COMMENT : '#' ~[\r\n]* -> channel(HIDDEN);
WS      : [ \t\f]+ -> channel(HIDDEN);

/* Anything else is reported by the driver as "unexpected character", then ignored. */
STRAY : . -> channel(HIDDEN);

fragment DECIMAL  : DIGITS ('.' DIGITS?)? | '.' DIGITS;
fragment DIGITS   : [0-9] ('_'? [0-9])*;
fragment EXPONENT : [eE] [+-]? [0-9]+;
