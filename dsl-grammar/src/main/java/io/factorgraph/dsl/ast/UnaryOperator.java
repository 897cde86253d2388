package io.factorgraph.dsl.ast;

/** The unary operators, each carried out by the library function of {@link #functionName()}. */
public enum UnaryOperator {
    NEGATE("-", "neg"),
    NOT("not", "not");

    private final String symbol;
    private final String functionName;

    UnaryOperator(String symbol, String functionName) {
        this.symbol = symbol;
        this.functionName = functionName;
    }

    public String symbol() {
        return symbol;
    }

    public String functionName() {
        return functionName;
    }
}
