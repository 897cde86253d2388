package io.factorgraph.runtime.data.npz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.data.npz.HftbacktestReference.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link CorrectedOrder} merges whole messages; hftbacktest merges rows. On random messages (small timestamp
 * ranges, so that ties in either and both timestamps are common) the two agree row for row, and the stable
 * order agrees with a boxed stable sort.
 */
class CorrectedOrderPropertyTest {
    @Property
    void mergingMessagesGivesHftbacktestsRowByRowOrder(
            @ForAll @Size(max = 40) List<@IntRange(max = 12) Integer> exch,
            @ForAll @Size(max = 40) List<@IntRange(min = -6, max = 6) Integer> latency,
            @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 3) Integer> rowsPerMessage)
            throws IOException {
        int n = Math.min(exch.size(), Math.min(latency.size(), rowsPerMessage.size()));
        MessageRows.Builder builder = MessageRows.builder();
        List<Row> raw = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            long exchTs = exch.get(m);
            long localTs = exchTs + latency.get(m);
            for (int r = 0; r < rowsPerMessage.get(m); r++) {
                double px = m * 10 + r;
                builder.row(HftbacktestReference.DEPTH, px, 1.0);
                raw.add(new Row(HftbacktestReference.DEPTH, exchTs, localTs, px, 1.0, 0, 0, 0.0));
            }
            builder.endMessage(exchTs, localTs);
        }
        MessageRows rows = builder.build();
        long shift = CorrectedOrder.localShift(rows.exchTs(), rows.localTs());
        assertEquals(HftbacktestReference.localShift(raw), shift);
        List<Row> merged = new ArrayList<>();
        CorrectedOrder.merge(
                rows.exchTs(),
                rows.localTs(),
                HftbacktestReference.EXCH,
                HftbacktestReference.LOCAL,
                (m, timelines) -> {
                    for (int r = rows.rowStart(m); r < rows.rowEnd(m); r++) {
                        merged.add(new Row(
                                rows.ev(r) | timelines,
                                rows.exchTs()[m],
                                rows.localTs()[m] + shift,
                                rows.px(r),
                                rows.qty(r),
                                0,
                                0,
                                0.0));
                    }
                });
        assertEquals(HftbacktestReference.corrected(raw), merged);
    }

    @Property
    void stableOrderIsAStableSort(@ForAll @Size(max = 200) List<@IntRange(min = -5, max = 5) Integer> keys) {
        long[] k = keys.stream().mapToLong(Integer::longValue).toArray();
        int[] expected = IntStream.range(0, k.length)
                .boxed()
                .sorted(Comparator.comparingLong(i -> k[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        assertArrayEquals(expected, CorrectedOrder.stableOrder(k));
    }
}
