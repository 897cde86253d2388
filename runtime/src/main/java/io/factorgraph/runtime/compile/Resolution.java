package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.ast.ClockStatement;
import io.factorgraph.dsl.ast.Identifier;
import io.factorgraph.dsl.ast.Program;
import io.factorgraph.dsl.ast.SinkStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of name resolution: every symbol, the order in which params and definitions can be
 * evaluated (dependencies first, ties in source order), and the statements that use them.
 *
 * @param symbols by name, in source order
 * @param evaluationOrder params and definitions, each after the names it uses; names on a cycle
 *     are left out (the cycle was reported)
 * @param outputs the names the graph exposes; every definition when the file has no {@code output}
 * @param explicitOutputs whether the file wrote an {@code output} statement
 * @param sinks the {@code sink} statements, in source order: one per traded instrument
 * @param poisoned names whose statement had an error already reported, so uses of them are not
 *     reported again
 */
public record Resolution(
        Program program,
        Map<String, Symbol> symbols,
        List<String> evaluationOrder,
        List<Identifier> outputs,
        boolean explicitOutputs,
        List<SinkStatement> sinks,
        Optional<ClockStatement> clock,
        Set<String> poisoned) {
    public Resolution {
        symbols = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(symbols));
        evaluationOrder = List.copyOf(evaluationOrder);
        outputs = List.copyOf(outputs);
        sinks = List.copyOf(sinks);
        poisoned = Set.copyOf(poisoned);
    }
}
