package io.factorgraph.bench;

import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.market.OrderBook;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained memory of one {@code obi_mm} graph instance, measured with JOL: everything reachable from
 * the instance except what it shares with every other instance of the graph (the {@link CompiledGraph}:
 * plan, source, handles, the generated class). Split into the book and the graph's own state (nodes, their windows, the
 * slot array, the generated tick object). Not a timing: the numbers are the same on any machine with
 * the same JVM object layout (compressed oops, 12-byte headers on 64-bit HotSpot by default).
 */
public final class Footprint {
    /** One row: the window, and bytes retained. */
    public record Row(
            int window, int windowedNodes, long graphState, long bookEmpty, long bookAfterFile, long totalAfterFile) {
        /** The target: within 2x of 8 bytes x window per windowed node, plus a small constant (1 KB). */
        public long budget() {
            return 2L * 8 * window * windowedNodes + 1024;
        }

        public boolean met() {
            return graphState <= budget();
        }
    }

    private Footprint() {}

    public static List<Row> measure(RecordedTicks ticks, int... windows) {
        List<Row> rows = new ArrayList<>();
        for (int window : windows) {
            CompiledGraph graph = ObiMmGraphs.compile("obi_mm.fg", ObiMmGraphs.OBI_MM, window);
            GraphInstance instance = graph.newInstance();
            OrderBook book = instance.book(graph.book("book"));
            long bookEmpty = size(book);
            long graphState = ownSize(instance) - bookEmpty;
            // Fill the windows and grow the book as the real file does.
            ticks.loadFirst(book);
            for (int i = 1; i < ticks.ticks(); i++) {
                ticks.apply(i, book);
                instance.onTick(ticks.time(i));
            }
            long bookAfter = size(book);
            long totalAfter = ownSize(instance);
            rows.add(new Row(window, 2, graphState, bookEmpty, bookAfter, totalAfter));
        }
        return rows;
    }

    private static long size(Object... roots) {
        return GraphLayout.parseInstance(roots).totalSize();
    }

    /**
     * What one instance retains beyond what all instances of its graph share: the instance object
     * and everything reachable from its own fields except the {@link CompiledGraph}. Walked from the
     * fields rather than as "instance minus graph": the graph reaches {@code Class} objects and so
     * JDK-wide caches that change as the program runs, and JOL's subtract matches objects by address,
     * which a GC between two walks changes.
     */
    static long ownSize(GraphInstance instance) {
        List<Object> roots = new ArrayList<>();
        for (Field field : GraphInstance.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    || field.getType().isPrimitive()
                    || field.getType() == CompiledGraph.class) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object value = field.get(instance);
                if (value != null) {
                    roots.add(value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + field, e);
            }
        }
        return ClassLayout.parseInstance(instance).instanceSize() + size(roots.toArray());
    }

    public static void main(String[] args) {
        RecordedTicks ticks = RecordedTicks.of(
                args.length > 0 ? args[0] : io.factorgraph.bench.data.BenchData.DEFAULT_FILE, ObiMmGraphs.DEPTH);
        for (Row row : measure(ticks, 60, 600, 6000)) {
            System.out.println(row + " budget=" + row.budget() + " met=" + row.met());
        }
    }
}
