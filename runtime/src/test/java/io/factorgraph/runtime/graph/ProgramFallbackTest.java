package io.factorgraph.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When the generated tick program cannot be built, the graph still runs (interpreted, with the same
 * results) but never silently: the instance says how it runs, the graph says why, and stderr says so once.
 */
class ProgramFallbackTest {
    @Test
    void aGraphWhoseProgramCannotBeBuiltRunsInterpretedAndSaysSoOnce() {
        CompiledGraph healthy = FgCompiler.standard()
                .compile("fallback.fg", "input x: double\ny = neg(x)\noutput y\n")
                .orElseThrow();
        CompiledGraph.ProgramGenerator broken = nodeCount -> {
            throw new IllegalStateException("no class file API here");
        };
        CompiledGraph first = CompiledGraph.link(healthy.plan(), broken);
        CompiledGraph second = CompiledGraph.link(healthy.plan(), broken);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        GraphInstance a;
        GraphInstance b;
        try {
            a = first.newInstance(Execution.GENERATED);
            b = second.newInstance(Execution.GENERATED);
            first.newInstance(Execution.GENERATED);
        } finally {
            System.setErr(err);
        }
        assertEquals(Execution.INTERPRETED, a.execution());
        assertEquals(Execution.INTERPRETED, b.execution());
        assertEquals(Optional.of("java.lang.IllegalStateException: no class file API here"), first.programFailure());
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(
                printed.startsWith("factorgraph: warning: the generated tick program of graph 'fallback.fg'@"),
                printed);
        assertTrue(printed.contains("no class file API here") && printed.contains("interpreted"), printed);

        a.set(first.input("x"), 2.0);
        a.onTick(0);
        assertEquals(-2.0, a.value(first.output("y")));
    }

    @Test
    void aGraphWhoseProgramIsBuiltSaysNothingAndRunsGenerated() {
        CompiledGraph graph = FgCompiler.standard()
                .compile("fine.fg", "input x: double\ny = neg(x)\noutput y\n")
                .orElseThrow();
        assertEquals(Execution.GENERATED, graph.newInstance(Execution.GENERATED).execution());
        assertEquals(Optional.empty(), graph.programFailure());
    }
}
