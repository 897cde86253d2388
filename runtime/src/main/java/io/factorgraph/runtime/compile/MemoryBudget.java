package io.factorgraph.runtime.compile;

import java.util.Locale;
import java.util.Objects;

/**
 * How much memory one instance of a compiled graph may keep in its windows and buffers. The compiler
 * refuses a graph over budget with a diagnostic at the call that needs the memory, because the same graph
 * would otherwise pass {@code fg check} and die in {@code fg run} with an OutOfMemoryError.
 *
 * @param bytes the budget
 * @param origin where the budget comes from, as a diagnostic states it
 * @param fromHeap whether it is a share of the heap, so that a larger heap raises it
 */
public record MemoryBudget(long bytes, String origin, boolean fromHeap) {
    public MemoryBudget {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a memory budget must be positive, was " + bytes);
        }
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Half of this JVM's maximum heap: the other half is for what runs beside the graph (the books, the
     * data reader, a backtest's records), and an instance whose windows took all of it could not run.
     */
    public static MemoryBudget ofHeap() {
        long max = Runtime.getRuntime().maxMemory();
        return new MemoryBudget(
                max / 2,
                "half of this JVM's maximum heap (Runtime.maxMemory() = " + format(max)
                        + "; the rest is for the books, the data reader and the run's records)",
                true);
    }

    /** A budget the embedding application states. */
    public static MemoryBudget of(long bytes) {
        return new MemoryBudget(bytes, "the one given to the compiler (FgCompiler.withMemoryBudget)", false);
    }

    /** What a user can do about a graph that needs {@code needed} bytes. */
    String remedy(long needed) {
        if (!fromHeap) {
            return "use a shorter window, or give the compiler a larger budget";
        }
        long gib = Math.max(1, (2 * needed + (1L << 30) - 1) / (1L << 30) + 1);
        return "use a shorter window, or give the JVM more memory (e.g. FG_JAVA_OPTS=-Xmx" + gib + "g)";
    }

    /** Bytes as a person reads them: {@code 512 B}, {@code 3.0 KiB}, {@code 14.9 GiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
