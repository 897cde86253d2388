package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.ast.Argument;
import io.factorgraph.dsl.ast.Binary;
import io.factorgraph.dsl.ast.BoolLiteral;
import io.factorgraph.dsl.ast.Call;
import io.factorgraph.dsl.ast.DurationLiteral;
import io.factorgraph.dsl.ast.Expr;
import io.factorgraph.dsl.ast.NameRef;
import io.factorgraph.dsl.ast.NumberLiteral;
import io.factorgraph.dsl.ast.Unary;
import java.util.ArrayList;
import java.util.List;

/** Walks of expression trees that several phases share. */
final class Expressions {
    private Expressions() {}

    /** The names an expression uses, in source order. */
    static List<NameRef> names(Expr expr) {
        List<NameRef> names = new ArrayList<>();
        collect(expr, names, null);
        return names;
    }

    /** The calls in an expression, outermost first. */
    static List<Call> calls(Expr expr) {
        List<Call> calls = new ArrayList<>();
        collect(expr, null, calls);
        return calls;
    }

    private static void collect(Expr expr, List<NameRef> names, List<Call> calls) {
        switch (expr) {
            case NameRef name -> {
                if (names != null) {
                    names.add(name);
                }
            }
            case Call call -> {
                if (calls != null) {
                    calls.add(call);
                }
                for (Argument argument : call.arguments()) {
                    collect(argument.value(), names, calls);
                }
            }
            case Binary binary -> {
                collect(binary.left(), names, calls);
                collect(binary.right(), names, calls);
            }
            case Unary unary -> collect(unary.operand(), names, calls);
            case NumberLiteral n -> {}
            case DurationLiteral d -> {}
            case BoolLiteral b -> {}
        }
    }
}
