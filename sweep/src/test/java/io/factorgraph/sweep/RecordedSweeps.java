package io.factorgraph.sweep;

import io.factorgraph.backtest.exchange.ConstantLatency;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.RecordedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Sweeps of {@code examples/obi_mm.fg} on the recorded BTCUSDT feed, as the module's tests run them. */
final class RecordedSweeps {
    static final Path FILE = Path.of("../examples/obi_mm.fg");
    static final DataSpan SPAN =
            new DataSpan("20240808", Map.of("book", List.of(RecordedData.file("usdm_btcusdt_20240808.gz"))));

    private RecordedSweeps() {}

    /** A runner of the grid on Binance USD-M fees, with an order latency of {@code latencyNanos} each way. */
    static SweepRunner runner(Grid grid, long latencyNanos) {
        SimulatorFactory simulators =
                (point, sink, book) -> SimulatorConfig.of(sink.terms().tickSize(), 0.001)
                        .withFees(0.0002, 0.0005)
                        .withLatency(new ConstantLatency(latencyNanos, latencyNanos));
        return new SweepRunner(
                FgCompiler.standard(),
                FILE,
                List.of(),
                grid,
                simulators,
                OptionalLong.empty(),
                GapPolicy.FAIL,
                Duration.ofSeconds(10));
    }
}
