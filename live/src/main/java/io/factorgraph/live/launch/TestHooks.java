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

    public static LongPredicate dropSequences(List<String> values) {
        long[] drop = values.stream()
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
}
