package io.factorgraph.dsl.ast;

/**
 * The binary operators. Each is carried out by the library function of {@link #functionName()},
 * so that an operator and a call such as {@code add(a, b)} are one node.
 */
public enum BinaryOperator {
    ADD("+", "add"),
    SUBTRACT("-", "sub"),
    MULTIPLY("*", "mul"),
    DIVIDE("/", "div"),
    LESS("<", "lt"),
    LESS_OR_EQUAL("<=", "le"),
    GREATER(">", "gt"),
    GREATER_OR_EQUAL(">=", "ge"),
    EQUAL("==", "eq"),
    NOT_EQUAL("!=", "ne"),
    AND("and", "and"),
    OR("or", "or");

    private final String symbol;
    private final String functionName;

    BinaryOperator(String symbol, String functionName) {
        this.symbol = symbol;
        this.functionName = functionName;
    }

    public String symbol() {
        return symbol;
    }

    public String functionName() {
        return functionName;
    }

    public boolean isArithmetic() {
        return this == ADD || this == SUBTRACT || this == MULTIPLY || this == DIVIDE;
    }

    public boolean isComparison() {
        return ordinal() >= LESS.ordinal() && ordinal() <= NOT_EQUAL.ordinal();
    }

    public boolean isLogical() {
        return this == AND || this == OR;
    }
}
