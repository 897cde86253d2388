package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.diagnostic.Severity;
import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.ConstantArguments;
import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.WindowLength;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Part of phase 4: sums what the planned calls keep ({@link FunctionDefinition#retainedBytes}, each shared
 * node once) and reports a graph that cannot fit its {@link MemoryBudget}: a call that alone is over budget
 * at its window argument, or else a total over budget at its largest call, with the others as notes.
 */
final class MemoryCheck {
    /** A planned call: its function, constants after defaults, where it is and where its arguments are. */
    record Call(
            FunctionDefinition function, Map<String, Constant> constants, Span span, Map<String, Span> argumentSpans) {}

    private record Need(Call call, long bytes) {}

    private static final int LISTED = 5;

    private MemoryCheck() {}

    /** @param clockNanos the graph's clock interval, 0 when it has none: a duration window's need depends on it */
    static void check(List<Call> calls, long clockNanos, MemoryBudget budget, DiagnosticSink sink) {
        List<Need> needs = new ArrayList<>();
        long total = 0;
        for (Call call : calls) {
            long bytes = retained(call, clockNanos, sink);
            if (bytes <= 0) {
                continue;
            }
            needs.add(new Need(call, bytes));
            total = total + bytes < 0 ? Long.MAX_VALUE : total + bytes;
        }
        boolean reported = false;
        for (Need need : needs) {
            if (need.bytes() > budget.bytes()) {
                report(
                        need,
                        "'" + need.call().function().signature().name() + "' would keep "
                                + MemoryBudget.format(need.bytes()) + what(need.call(), clockNanos)
                                + ", more than the graph's memory budget of "
                                + MemoryBudget.format(budget.bytes()),
                        budget,
                        List.of(),
                        sink);
                reported = true;
            }
        }
        if (reported || total <= budget.bytes()) {
            return;
        }
        needs.sort(Comparator.comparingLong(Need::bytes).reversed());
        List<Note> notes = new ArrayList<>();
        for (Need need : needs.subList(1, Math.min(LISTED, needs.size()))) {
            notes.add(Note.note(
                    "'" + need.call().function().signature().name() + "' keeps " + MemoryBudget.format(need.bytes())
                            + " here",
                    need.call().span()));
        }
        report(
                needs.getFirst(),
                "the graph would keep " + MemoryBudget.format(total) + " in its windows, more than its "
                        + "memory budget of " + MemoryBudget.format(budget.bytes()) + "; '"
                        + needs.getFirst().call().function().signature().name() + "' keeps the most, "
                        + MemoryBudget.format(needs.getFirst().bytes())
                        + what(needs.getFirst().call(), clockNanos),
                budget,
                notes,
                sink);
    }

    private static long retained(Call call, long clockNanos, DiagnosticSink sink) {
        try {
            return call.function().retainedBytes(new ConstantArguments(call.constants(), clockNanos));
        } catch (RuntimeException e) {
            sink.report(Diagnostic.error(
                    call.span(),
                    "function '" + call.function().signature().name() + "' failed to state its memory need: " + e,
                    Note.help("this is a bug in the library that defines '"
                            + call.function().signature().name() + "'")));
            return 0;
        }
    }

    private static void report(Need need, String message, MemoryBudget budget, List<Note> more, DiagnosticSink sink) {
        List<Note> notes = new ArrayList<>(more);
        notes.add(Note.note("the budget is " + budget.origin()));
        notes.add(Note.help(budget.remedy(need.bytes())));
        sink.report(new Diagnostic(Severity.ERROR, where(need.call()), message, notes));
    }

    /**
     * E.g. {@code " for window = 2000000000"}, or {@code " for window = 100000h on a clock of 1us"}: the size
     * argument that makes the need, when it can be told, and for a duration what it is counted against.
     */
    private static String what(Call call, long clockNanos) {
        return sizeArgument(call)
                .map(p -> {
                    Constant value = call.constants().get(p);
                    String clock = !(value instanceof Constant.Duration)
                            ? ""
                            : clockNanos > 0
                                    ? " on a clock of " + Constant.formatNanos(clockNanos)
                                    : " without a clock (at most " + WindowLength.MAX_SAMPLES_WITHOUT_CLOCK
                                            + " samples)";
                    return " for " + p + " = " + value + clock;
                })
                .orElse("");
    }

    /** The window argument when it was written: the largest whole-number or duration argument. */
    private static Span where(Call call) {
        return sizeArgument(call).map(call.argumentSpans()::get).orElse(call.span());
    }

    private static Optional<String> sizeArgument(Call call) {
        return call.function().signature().parameters().stream()
                .filter(p -> p instanceof Parameter.Const c
                        && (c.kind() == ConstantKind.INTEGER
                                || c.kind() == ConstantKind.DURATION
                                || c.kind() == ConstantKind.WINDOW))
                .map(Parameter::name)
                .filter(call.argumentSpans()::containsKey)
                .max(Comparator.comparingDouble(
                        name -> magnitude(call.constants().get(name))));
    }

    private static double magnitude(Constant value) {
        return switch (value) {
            case Constant.Number(double n) -> Math.abs(n);
            case Constant.Duration(long nanos) -> Math.abs((double) nanos);
            case Constant.Bool b -> 0;
            case null -> 0;
        };
    }
}
