package io.factorgraph.live.launch;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Fault injection for tests: sequence numbers of one outgoing stream to drop without sending ({@code
 * --test-drop 500,501}). Off unless given; never use it outside a test.
 */
public final class TestHooks {
    private TestHooks() {}

    /** The stream's sequence numbers to drop; entries {@code I:N,M} (see {@link #dropFeedBatches}) are not these. */
    public static LongPredicate dropSequences(List<String> values) {
        long[] drop = values.stream()
                .filter(v -> !v.contains(":"))
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong)
                .sorted()
                .toArray();
        if (drop.length == 0) {
            return seq -> false;
        }
        return seq -> Arrays.binarySearch(drop, seq) >= 0;
    }

    /**
     * The batches of one feed of the market data stream to drop, by their number within the feed: {@code I:N,M} drops
     * batches N and M of feed I (entries without a colon are stream sequence numbers, {@link #dropSequences}).
     * Returns for each feed the sorted numbers, empty when none.
     */
    public static long[][] dropFeedBatches(List<String> values, int feeds) {
        long[][] drop = new long[feeds][];
        for (int i = 0; i < feeds; i++) {
            int feed = i;
            drop[i] = values.stream()
                    .filter(v -> v.contains(":"))
                    .filter(v -> Integer.parseInt(v.substring(0, v.indexOf(':')).strip()) == feed)
                    .flatMap(v -> Arrays.stream(v.substring(v.indexOf(':') + 1).split(",")))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong)
                    .sorted()
                    .toArray();
        }
        return drop;
    }
}
