package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.BookHandle;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.state.SnapshotException;
import io.factorgraph.testkit.books.BookLevels;
import io.factorgraph.testkit.books.Books;
import io.factorgraph.testkit.harness.SnapshotCheck;
import io.factorgraph.testkit.streams.Streams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Snapshots of random standard-library graphs (docs/DESIGN.md §13): two double inputs on adversarial streams and
 * two books that change on some ticks only, a snapshot at a random tick restored into a fresh instance, continued:
 * every output equals the uninterrupted instance's, bit for bit ({@link SnapshotCheck}).
 */
class SnapshotProperties {
    /** A program, the streams it reads and where the snapshot is taken. */
    record Case(String program, long[] times, double[] x, double[] y, BookLevels[] a, BookLevels[] b, int at) {
        @Override
        public String toString() {
            return program + "\n(snapshot after " + at + " of " + times.length + " ticks)";
        }
    }

    private static final String[] WINDOWS = {"1", "2", "5", "17", "40", "1s", "3s", "500ms", "20s"};
    private static final String[] UNARY = {"abs(%s)", "neg(%s)", "log(%s)", "sqrt(%s)", "change(%s)"};
    private static final String[] WINDOWED = {
        "volatility(%s, %s)",
        "zscore(%s, %s)",
        "rolling_mean(%s, %s)",
        "rolling_std(%s, %s)",
        "rolling_sum(%s, %s)",
        "rolling_min(%s, %s)",
        "rolling_max(%s, %s)"
    };
    private static final String[] OTHER = {
        "ewm_mean(%s, 7)",
        "ewm_std(%s, 3)",
        "ewm_mean_halflife(%s, 4)",
        "ewm_std_halflife(%s, 2s)",
        "ewm_mean_halflife(%s, 300ms)",
        "lag(%s, 3)",
        "lag(%s, 0)",
        "diff(%s, 2)",
        "diff(%s)",
        "clip(%s, -1, 1)"
    };
    private static final String[] BOOK = {
        "mid(%s)",
        "spread(%s)",
        "microprice(%s)",
        "best_bid(%s)",
        "best_ask(%s)",
        "OBI(%s, 0.001)",
        "obi_norm(%s, 0.05)"
    };
    private static final String[] BINARY = {"%s + %s", "%s - %s", "%s * %s", "%s / %s"};

    /** A well-typed program of {@code size} statements drawn with {@code seed}, every statement an output. */
    static String program(long seed, int size) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            text.append("clock every 100ms\n");
        }
        text.append("input x: double\ninput y: double\ninput a: Book\ninput b: Book\nparam w = ")
                .append(2 + random.nextInt(30))
                .append('\n');
        List<String> doubles = new ArrayList<>(List.of("x", "y"));
        List<String> bools = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String arg = doubles.get(random.nextInt(doubles.size()));
            String other = doubles.get(random.nextInt(doubles.size()));
            String window = random.nextInt(4) == 0 ? "w" : WINDOWS[random.nextInt(WINDOWS.length)];
            String name = "s" + i;
            String expression;
            boolean bool = false;
            switch (random.nextInt(7)) {
                case 0 -> expression = UNARY[random.nextInt(UNARY.length)].formatted(arg);
                case 1, 2 -> expression = WINDOWED[random.nextInt(WINDOWED.length)].formatted(arg, window);
                case 3 -> expression = OTHER[random.nextInt(OTHER.length)].formatted(arg);
                case 4 -> expression = BOOK[random.nextInt(BOOK.length)].formatted(random.nextBoolean() ? "a" : "b");
                case 5 -> expression = BINARY[random.nextInt(BINARY.length)].formatted(arg, other);
                default -> {
                    bool = true;
                    expression = bools.isEmpty() || random.nextBoolean()
                            ? "stop_loss(%s, %s, 1.5, 0.01, 0.5, 0.5)".formatted(arg, other)
                            : "not %s or %s > %s".formatted(bools.get(random.nextInt(bools.size())), arg, other);
                }
            }
            text.append(name).append(" = ").append(expression).append('\n');
            (bool ? bools : doubles).add(name);
            names.add(name);
        }
        text.append("output ").append(String.join(", ", names)).append('\n');
        return text.toString();
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(1, 150).flatMap(n -> Combinators.combine(
                        Combinators.combine(
                                        Arbitraries.longs(),
                                        Arbitraries.integers().between(1, 12))
                                .as(SnapshotProperties::program),
                        Streams.times(n),
                        Streams.adversarial().map(s -> fit(s, n)),
                        Streams.adversarial().map(s -> fit(s, n)),
                        Books.valid().injectNull(0.6).array(BookLevels[].class).ofSize(n),
                        Books.possiblyOneSided()
                                .injectNull(0.6)
                                .array(BookLevels[].class)
                                .ofSize(n),
                        Arbitraries.integers().between(0, n))
                .as(Case::new));
    }

    private static double[] fit(double[] stream, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = stream.length == 0 ? Double.NaN : stream[i % stream.length];
        }
        return values;
    }

    @Property(tries = 300)
    void aRestoredInstanceContinuesExactlyAsTheUninterruptedOne(@ForAll("cases") Case c) {
        CompiledGraph graph = compile(c.program());
        // Inputs a program does not read are pruned from the plan: feed only those it kept.
        InputHandle x = graph.inputs().get("x");
        InputHandle y = graph.inputs().get("y");
        BookHandle a = graph.books().get("a");
        BookHandle b = graph.books().get("b");
        SnapshotCheck.of(graph).check(c.times(), c.at(), (instance, t) -> {
            if (x != null) {
                instance.set(x, c.x()[t]);
            }
            if (y != null) {
                instance.set(y, c.y()[t]);
            }
            if (a != null && c.a()[t] != null) {
                c.a()[t].load(instance.book(a));
            }
            if (b != null && c.b()[t] != null) {
                c.b()[t].load(instance.book(b));
            }
        });
    }

    @Example
    void aStatefulNodeWithoutStateMethodsIsRefusedByName() {
        Node node = new Node() {
            private double previous;

            @Override
            public void update() {
                previous++;
            }

            @Override
            public void reset() {
                previous = 0;
            }
        };
        node.update();
        SnapshotException e = assertThrows(
                SnapshotException.class, () -> node.writeState(new io.factorgraph.runtime.state.StateWriter()));
        assertTrue(
                e.getMessage().contains("keeps state of its own but does not implement writeState/readState"),
                e.getMessage());
    }

    @Example
    void booksKeepEveryLevelTheirTickAndReadiness() {
        CompiledGraph graph = compile("input a: Book\ninput b: Book\nm = mid(a) + OBI(b, 0.5)\noutput m\n");
        GraphInstance first = graph.newInstance();
        OrderBook a = first.book(graph.book("a"));
        for (int i = 0; i < 2_000; i++) {
            a.onLevel(true, 100.0 - i * 0.01, 1.0 + i);
            a.onLevel(false, 100.01 + i * 0.01, 0.5 + i);
        }
        a.setReady(true);
        first.book(graph.book("b")).onLevel(true, 5.0, 0.123456789);
        first.onTick(1);
        GraphInstance second = graph.newInstance();
        second.restoreState(first.saveState(), "snap");
        OrderBook restored = second.book(graph.book("a"));
        assertTrue(restored.isReady());
        assertEquals(a.tickSize(), restored.tickSize());
        assertEquals(2_000, restored.bidDepth());
        assertEquals(a.askPrice(1_999), restored.askPrice(1_999));
        assertEquals(a.bidQtyAtOrAbove(90.0), restored.bidQtyAtOrAbove(90.0));
        assertFalse(second.book(graph.book("b")).isReady());
        assertEquals(1, second.tickCount());
        assertEquals(first.value(graph.output("m")), second.value(graph.output("m")));
    }

    static CompiledGraph compile(String program) {
        var result = FgCompiler.standard().compile("snapshot.fg", program);
        if (result.hasErrors()) {
            throw new AssertionError(program + "\n" + result.render());
        }
        return result.graph().orElseThrow();
    }
}
