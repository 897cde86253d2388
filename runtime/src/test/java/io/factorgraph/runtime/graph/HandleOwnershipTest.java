package io.factorgraph.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import org.junit.jupiter.api.Test;

/**
 * A handle addresses a slot of the graph that made it; used with an instance of another graph it would
 * read or write another value, so it is refused with a message naming the handle and both graphs.
 */
class HandleOwnershipTest {
    /** Two graphs with the same names in different slots: `y` is slot 1 in one and slot 2 in the other. */
    private static final CompiledGraph ONE = FgCompiler.standard()
            .compile("one.fg", "input x: double\ny = neg(x)\noutput y\n")
            .orElseThrow();

    private static final CompiledGraph TWO = FgCompiler.standard()
            .compile("two.fg", "input w: double\ninput x: double\ny = add(w, x)\noutput y\n")
            .orElseThrow();

    @Test
    void anInputOfAnotherGraphIsRefusedNamingItAndBothGraphs() {
        GraphInstance instance = TWO.newInstance();
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> instance.set(ONE.input("x"), 1.0));
        String message = thrown.getMessage();
        assertTrue(message.startsWith("input 'x' of graph 'one.fg'@"), message);
        assertTrue(message.contains("used with an instance of graph 'two.fg'@"), message);
        instance.onTick(0);
        assertTrue(Double.isNaN(instance.value(TWO.output("y"))), "nothing was written");
    }

    @Test
    void anOutputOfAnotherGraphIsRefused() {
        GraphInstance instance = ONE.newInstance();
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> instance.value(TWO.output("y")));
        assertTrue(thrown.getMessage().startsWith("output 'y' of graph 'two.fg'@"), thrown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> instance.isTrue(TWO.output("y")));
    }

    @Test
    void aBookOfAnotherCompilationOfTheSameFileIsRefused() {
        String source = "d = depth(book)\n";
        CompiledGraph first = FgCompiler.standard().compile("same.fg", source).orElseThrow();
        CompiledGraph second = FgCompiler.standard().compile("same.fg", source).orElseThrow();
        IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class, () -> second.newInstance().book(first.book("book")));
        assertTrue(thrown.getMessage().contains("Book input 'book' of " + first), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("instance of " + second), thrown.getMessage());
    }

    @Test
    void theGraphsOwnHandlesWork() {
        GraphInstance instance = TWO.newInstance();
        instance.set(TWO.input("w"), 2.0);
        instance.set(TWO.input("x"), 3.0);
        instance.onTick(0);
        assertEquals(5.0, instance.value(TWO.output("y")));
    }
}
