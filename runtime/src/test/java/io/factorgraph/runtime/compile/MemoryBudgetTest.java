package io.factorgraph.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.registry.FunctionRegistry;
import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.FunctionLibrary;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A graph whose windows cannot fit its memory budget is a compile-time diagnostic at the window, never an
 * OutOfMemoryError at run time; a user's own node takes part through {@link FunctionDefinition#retainedBytes}.
 */
class MemoryBudgetTest {
    /** A user library: {@code keep(x, n)} keeps a kilobyte per tick of its window. */
    private static final class UserLibrary implements FunctionLibrary {
        @Override
        public String name() {
            return "user";
        }

        @Override
        public Collection<FunctionDefinition> functions() {
            return List.of(Functions.define(
                    Signature.of(
                            "keep",
                            ValueType.DOUBLE,
                            "x, keeping n kilobytes",
                            Parameter.doubleStream("x"),
                            Parameter.constant("n", ConstantKind.INTEGER, Range.atLeast(1))),
                    context -> new Node() {
                        @Override
                        public void update() {}

                        @Override
                        public void reset() {}
                    },
                    Functions.Retention.perTick("n", 0, 1024)));
        }
    }

    private static final FgCompiler COMPILER = FgCompiler.withRegistry(
                    FunctionRegistry.of(List.of(new TestLibrary(), new UserLibrary())))
            .withMemoryBudget(MemoryBudget.of(1L << 20));

    @Test
    void aWindowOverBudgetIsAnErrorAtTheWindowWithWhatItNeedsAndTheBudget() {
        CompileResult result = COMPILER.compile("big.fg", "input x: double\ny = keep(x, 2048)\n");
        assertTrue(result.hasErrors());
        assertEquals("""
                big.fg:2:13: error: 'keep' would keep 2.0 MiB for n = 2048, more than the graph's memory budget of 1.0 MiB
                   2 | y = keep(x, 2048)
                     |             ^~~~
                     = note: the budget is the one given to the compiler (FgCompiler.withMemoryBudget)
                     = help: use a shorter window, or give the compiler a larger budget
                """, result.render());
    }

    @Test
    void windowsEachWithinBudgetButTogetherOverItAreAnErrorAtTheLargestWithTheOthersAsNotes() {
        CompileResult result = COMPILER.compile("sum.fg", "input x: double\na = keep(x, 600)\nb = keep(x, 500)\n");
        assertTrue(result.hasErrors());
        String rendered = result.render();
        assertTrue(
                rendered.startsWith("sum.fg:2:13: error: the graph would keep 1.1 MiB in its windows, more than its "
                        + "memory budget of 1.0 MiB; 'keep' keeps the most, 600.0 KiB for n = 600\n"),
                rendered);
        assertTrue(rendered.contains("note: 'keep' keeps 500.0 KiB here\n"), rendered);
        assertTrue(rendered.contains("   3 | b = keep(x, 500)"), rendered);
    }

    @Test
    void aSharedNodeCountsOnceAndWhatNoOutputNeedsCountsNot() {
        // The same call twice is one node; an unused definition is not planned.
        CompileResult result = COMPILER.compile(
                "shared.fg", "input x: double\na = keep(x, 600)\nb = keep(x, 600)\nc = keep(x, 900)\noutput a, b\n");
        assertFalse(result.hasErrors(), result.render());
    }

    @Test
    void aParamOverrideThatGrowsAWindowPastTheBudgetIsCaughtToo() {
        String source = "param n = 10\ninput x: double\ny = keep(x, n)\n";
        assertFalse(COMPILER.compile("p.fg", source).hasErrors());
        CompileResult result = COMPILER.compile("p.fg", source, java.util.Map.of("n", "4096"));
        assertTrue(result.render().contains("error: 'keep' would keep 4.0 MiB for n = 4096"), result.render());
    }

    @Test
    void theDefaultBudgetIsHalfTheHeapAndSaysSo() {
        MemoryBudget budget = MemoryBudget.ofHeap();
        assertEquals(Runtime.getRuntime().maxMemory() / 2, budget.bytes());
        assertTrue(
                budget.origin().startsWith("half of this JVM's maximum heap (Runtime.maxMemory() = "), budget.origin());
    }

    @Test
    void sizesReadAsAPersonWritesThem() {
        assertEquals("512 B", MemoryBudget.format(512));
        assertEquals("1.5 KiB", MemoryBudget.format(1536));
        assertEquals("14.9 GiB", MemoryBudget.format(16_000_000_000L));
        assertEquals("8.0 EiB", MemoryBudget.format(Long.MAX_VALUE));
    }
}
