package io.factorgraph.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.RecordedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A cluster sweep's rows travel from its executors to its driver by Java serialisation (Spark's default): every row,
 * a failed one, one instrument's and a total of several, reads back equal to the row, every figure to the bit.
 */
class SweepRowSerialTest {
    @Test
    void oneBookRowsAndAFailedOneReadBackEqual() throws Exception {
        // half_spread < 0 fails the sink's check: a failed row beside rows that traded.
        Grid grid = Grid.parse(List.of("half_spread=-0.00001,0.00002,0.00004"), Grid.DEFAULT_LIMIT, false);
        SweepRunner runner = RecordedSweeps.runner(grid, 0);
        List<SweepRow> rows = runner.run(runner.compile(1), RecordedSweeps.SPAN, SweepRunner.Progress.NONE);
        assertTrue(rows.get(0).failure().isPresent(), () -> rows.get(0).toString());
        assertTrue(
                rows.get(1).ok() && rows.get(1).instruments().get(0).summary().trades() > 0);
        for (SweepRow row : rows) {
            assertEquals(row, roundTrip(row));
        }
    }

    @Test
    void aTotalOfSeveralBooksReadsBackEqual() throws Exception {
        Grid grid = Grid.parse(List.of("window=300,600"), Grid.DEFAULT_LIMIT, false);
        SweepRunner runner = new SweepRunner(
                FgCompiler.standard(),
                Path.of("../examples/btc_eth_mm.fg"),
                List.of(),
                grid,
                (point, sink, book) -> SimulatorConfig.of(sink.terms().tickSize(), 0.001),
                OptionalLong.empty(),
                GapPolicy.FAIL,
                Duration.ofSeconds(10));
        DataSpan span = new DataSpan(
                "0808",
                Map.of(
                        "btc", List.of(RecordedData.file("usdm_btcusdt_20240808.gz")),
                        "eth", List.of(RecordedData.file("usdm_ethusdt_20240808.gz"))));
        List<SweepRow> rows = runner.run(runner.compile(1), span, SweepRunner.Progress.NONE);
        for (SweepRow row : rows) {
            assertTrue(row.total().isPresent(), () -> row.failure().orElse("no total"));
            SweepRow back = roundTrip(row);
            assertEquals(row, back);
            assertEquals(
                    Double.doubleToRawLongBits(row.total().get().pnl()),
                    Double.doubleToRawLongBits(back.total().get().pnl()));
        }
    }

    private static SweepRow roundTrip(SweepRow row) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(row);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SweepRow) in.readObject();
        }
    }
}
