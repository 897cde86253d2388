package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.account.Account;
import io.factorgraph.backtest.account.Fill;
import io.factorgraph.backtest.exchange.queue.QueueModel;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.execution.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator on the recorded USD-M BTCUSDT file with {@link QuotingStrategy}, checked from outside by a {@link
 * Recorder} while it runs and against the fill log afterwards: position, cash and fees reconcile with every fill,
 * equity is cash plus position at the mid at every tick, every fill is justified by the market the exchange saw and
 * none comes before the order reached the exchange. Missing data fails the test (it is never skipped).
 */
class RealDataInvariantsTest {

    @Test
    void riskAverseWithoutPartialFillsMatchesAnIndependentQueueDerivation() throws Exception {
        Recorder recorder = check(RealDataRun.BTC, 0, BTC).recorder;
        assertTrue(recorder.queueChecks > 500, "orders rested: " + recorder.queueChecks);
    }

    @Test
    void powerThreeWithPartialFills() throws Exception {
        check(RealDataRun.BTC.withQueueModel(QueueModel.parse("power:3")).withFillMode(FillMode.PARTIAL), 0, BTC);
    }

    @Test
    void logModelOneTickAwayWithInterpolatedLatency(@TempDir Path dir) throws Exception {
        // a latency file over the recording (local 23:54:10 to 00:00:10 UTC), one row a second: entry latency
        // going 0.5 ms .. 3.4 ms and response 1 ms .. 4.9 ms in a saw-tooth, so that interpolation matters
        long start = 1_723_161_250_000_000_000L;
        StringBuilder csv = new StringBuilder("req_ts,exch_ts,resp_ts\n");
        for (int s = 0; s <= 360; s++) {
            long req = start + s * 1_000_000_000L;
            long entry = 500_000L + (s % 30) * 100_000L;
            long response = 1_000_000L + (s % 40) * 100_000L;
            csv.append(req)
                    .append(',')
                    .append(req + entry)
                    .append(',')
                    .append(req + entry + response)
                    .append('\n');
        }
        Path file = dir.resolve("latency.csv");
        Files.writeString(file, csv);
        SimulatorConfig config =
                RealDataRun.BTC.withQueueModel(QueueModel.parse("log")).withLatency(InterpolatedLatency.load(file));
        check(config, 1, BTC);
    }

    @Test
    void spotAcrossTwoFilesWithAFinerGridAndQuantitiesOffIt() throws Exception {
        // spot BTCUSDT, tick 0.01, lot 0.00001: two files continuing one stream over midnight; the book holds a few
        // legacy quantities off the lot grid
        SimulatorConfig config = SimulatorConfig.of(0.01, 0.00001)
                .withFees(0.0001, 0.0001)
                .withLatency(new ConstantLatency(500_000, 800_000))
                .withInitialCash(10_000.0);
        Market spot = new Market(
                List.of(RecordedData.file("spot_btcusdt_20240808.gz"), RecordedData.file("spot_btcusdt_20240809.gz")),
                "0.01",
                "0.00001",
                -1_280_000_000L,
                -1_270_000_000L);
        SimulatorStats stats = check(config, 0, spot).stats;
        assertTrue(stats.offGridQuantities() > 0, stats.toString());
    }

    /** Recorded files and their grid as decimals (for exact sums), with bounds on the expected clock offset. */
    private record Market(List<Path> files, String tick, String lot, long offsetLow, long offsetHigh) {}

    private static final Market BTC =
            new Market(List.of(RealDataRun.file()), "0.1", "0.001", -1_275_000_000L, -1_270_000_000L);

    private record Checked(Recorder recorder, SimulatorStats stats) {}

    private static Checked check(SimulatorConfig config, int offsetTicks, Market market) throws Exception {
        BigDecimal tick = new BigDecimal(market.tick());
        BigDecimal lot = new BigDecimal(market.lot());
        ExchangeSimulator sim = new ExchangeSimulator(RealDataRun.resolved(config, market.files()), 1 << 14);
        Recorder recorder = new Recorder(sim);
        long[] reachingExchange = new long[1];
        RealDataRun.run(sim, market.files(), offsetTicks, recorder, (i, e) -> {
            if (RealDataRun.reachesExchange(e)) {
                reachingExchange[0]++;
            }
        });
        assertEquals(List.of(), recorder.problems(), recorder.problemCount() + " problems");

        SimulatorStats stats = sim.stats();
        // every depth and trade event reached the exchange side, in its corrected order
        assertEquals(reachingExchange[0], recorder.marketEvents);
        assertEquals(reachingExchange[0], stats.exchangeEvents());
        assertTrue(stats.reorderedEvents() > 1000, "exchange order differs from receive order: " + stats);
        assertTrue(
                stats.exchangeTimeOffset() < market.offsetHigh() && stats.exchangeTimeOffset() > market.offsetLow(),
                "the recorder's clock ran ~1.27 s behind: " + stats.exchangeTimeOffset());
        assertEquals(0, stats.slowEventsClamped());

        // the run exercised what the checks are about
        List<Fill> fills = sim.fills().toList();
        assertTrue(
                stats.makerFills() > 50 && stats.takerFills() > 10 && stats.canceled() > 100 && stats.expired() > 5,
                stats.toString());
        assertTrue(recorder.tradeFills > 0 && recorder.takerFills > 0, recorder.tradeFills + " " + recorder.takerFills);

        // fees: each fill pays its rate on its traded value
        for (Fill f : fills) {
            BigDecimal value = value(f, tick, lot);
            BigDecimal rate = BigDecimal.valueOf(f.maker() ? config.makerFee() : config.takerFee());
            assertEquals(value.multiply(rate).doubleValue(), f.fee(), 1e-12, f.toString());
            assertEquals(f.exchTime() + config.latency().response(f.exchTime()), f.localTime(), f.toString());
        }

        // position, cash and fees reconcile with the fills, at the end and at every tick (fills the strategy had
        // received by then)
        Account account = sim.account();
        assertEquals(account.snapshot(), sim.exchangeAccount().snapshot(), "everything reported by the end");
        Totals end = totals(fills, Long.MAX_VALUE, tick, lot);
        assertEquals(end.positionLots, account.positionLots());
        assertEquals(end.cash(config.initialCash()).doubleValue(), account.cash(), 1e-7);
        assertEquals(end.fees.doubleValue(), account.fees(), 1e-9);
        assertEquals(end.value.doubleValue(), account.tradedValue(), 1e-6);
        assertEquals(fills.size(), account.fills());
        assertEquals(fills.stream().filter(Fill::maker).count(), account.makerFills());
        int next = 0;
        Totals running = new Totals(tick, lot);
        for (Recorder.TickRecord r : recorder.records) {
            while (next < fills.size() && fills.get(next).localTime() <= r.time()) {
                running.add(fills.get(next++));
            }
            assertEquals(running.positionLots, r.positionLots(), "position at " + r.time());
            BigDecimal cash = running.cash(config.initialCash());
            assertEquals(cash.doubleValue(), r.cash(), 1e-7, "cash at " + r.time());
            assertEquals(running.fees.doubleValue(), r.fees(), 1e-9, "fees at " + r.time());
            double equity = cash.add(lot.multiply(BigDecimal.valueOf(running.positionLots))
                            .multiply(new BigDecimal(r.mid())))
                    .doubleValue();
            assertEquals(equity, r.equity(), 1e-7, "equity at " + r.time());
        }
        assertTrue(recorder.records.size() > 3000, "ticks: " + recorder.records.size());

        // reports: one final report per order; FILL reports are the fills, in order; cumulative quantities add up
        Map<Long, Long> executed = new HashMap<>();
        Map<Long, Integer> finals = new HashMap<>();
        List<Fill> reported = new ArrayList<>();
        for (Recorder.Report r : recorder.reports) {
            if (r.type() == ReportType.FILL) {
                long cum = executed.merge(r.orderId(), r.execLots(), Long::sum);
                assertEquals(cum, r.cumExecLots(), r.toString());
                assertEquals(r.qtyLots() - cum, r.leavesLots(), r.toString());
                reported.add(new Fill(
                        r.orderId(),
                        r.side(),
                        r.execPriceTicks(),
                        sim.grid().price(r.execPriceTicks()),
                        r.execLots(),
                        sim.grid().qty(r.execLots()),
                        r.fee(),
                        r.maker(),
                        r.exchTime(),
                        r.localTime()));
            }
            if (r.status().isFinal()) {
                finals.merge(r.orderId(), 1, Integer::sum);
            }
        }
        assertEquals(fills, reported);
        assertEquals(stats.ordersSubmitted(), finals.size(), "every order ended");
        assertTrue(finals.values().stream().allMatch(n -> n == 1), "one final report per order");
        assertEquals(0, sim.orders().size());
        return new Checked(recorder, stats);
    }

    private static BigDecimal value(Fill f, BigDecimal tick, BigDecimal lot) {
        return tick.multiply(BigDecimal.valueOf(f.priceTicks())).multiply(lot.multiply(BigDecimal.valueOf(f.lots())));
    }

    /** Exact sums over fills. */
    private static final class Totals {
        final BigDecimal tick;
        final BigDecimal lot;
        long positionLots;
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;

        Totals(BigDecimal tick, BigDecimal lot) {
            this.tick = tick;
            this.lot = lot;
        }

        void add(Fill f) {
            BigDecimal v = value(f, tick, lot);
            positionLots += f.side().sign() * f.lots();
            notional = notional.add(f.side() == Side.BUY ? v : v.negate());
            fees = fees.add(new BigDecimal(f.fee()));
            value = value.add(v);
        }

        BigDecimal cash(double initial) {
            return new BigDecimal(initial).subtract(notional).subtract(fees, MathContext.DECIMAL128);
        }
    }

    private static Totals totals(List<Fill> fills, long until, BigDecimal tick, BigDecimal lot) {
        Totals t = new Totals(tick, lot);
        for (Fill f : fills) {
            if (f.localTime() <= until) {
                t.add(f);
            }
        }
        return t;
    }
}
