package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.queue.ProbabilityFunction;
import io.factorgraph.backtest.exchange.queue.QueueModel;
import io.factorgraph.runtime.execution.Side;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad configurations, names and calls fail with messages that say what and where. */
class BadInputTest {

    private static String message(Class<? extends Throwable> type, Executable call) {
        return assertThrows(type, call).getMessage();
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), () -> "'" + text + "' should contain '" + p + "'");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "risk-averse    | risk-averse",
                "RISK-AVERSE    | risk-averse",
                "' power:3 '    | power:3",
                "power:1.5      | power:1.5",
                "power2:2       | power2:2",
                "Power3:3       | power3:3",
                "log            | log",
                "LOG2           | log2"
            })
    void queueModelsParseAndPrintBack(String text, String label) {
        QueueModel model = QueueModel.parse(text);
        assertEquals(label, model.label());
        assertEquals(model, QueueModel.parse(model.label()));
    }

    @Test
    void unknownQueueModelsAreNamedWithTheAcceptedForms() {
        assertContains(
                message(IllegalArgumentException.class, () -> QueueModel.parse("fifo")),
                "unknown queue model 'fifo'",
                "risk-averse",
                "power:N",
                "log2");
        assertContains(message(IllegalArgumentException.class, () -> QueueModel.parse("")), "unknown queue model ''");
        assertContains(message(IllegalArgumentException.class, () -> QueueModel.parse(null)), "unknown queue model");
        assertContains(
                message(IllegalArgumentException.class, () -> QueueModel.parse("power")),
                "'power'",
                "needs an exponent",
                "power:3");
        assertContains(
                message(IllegalArgumentException.class, () -> QueueModel.parse("power:x")), "'x' is not a number");
        assertContains(message(IllegalArgumentException.class, () -> QueueModel.parse("power3:-1")), "finite and > 0");
        assertContains(message(IllegalArgumentException.class, () -> QueueModel.parse("power2:NaN")), "finite and > 0");
        assertContains(message(IllegalArgumentException.class, () -> QueueModel.parse("log:2")), "takes no parameter");
        assertContains(
                message(IllegalArgumentException.class, () -> QueueModel.parse("risk-averse:1")), "takes no parameter");
        assertContains(message(IllegalArgumentException.class, () -> new ProbabilityFunction.Power(0)), "> 0");
    }

    @Test
    void fillModesParse() {
        assertEquals(FillMode.NO_PARTIAL, FillMode.parse("no-partial"));
        assertEquals(FillMode.NO_PARTIAL, FillMode.parse("NO_PARTIAL"));
        assertEquals(FillMode.PARTIAL, FillMode.parse(" partial "));
        assertEquals(FillMode.PARTIAL, FillMode.parse(FillMode.PARTIAL.label()));
        assertContains(
                message(IllegalArgumentException.class, () -> FillMode.parse("some")),
                "unknown fill mode 'some'",
                "no-partial or partial");
    }

    @ParameterizedTest
    @CsvSource({"5ms, 5000000, 5000000", "250us/1.5ms, 250000, 1500000", "0s, 0, 0", "7ns/1s, 7, 1000000000"})
    void constantLatenciesParse(String text, long entry, long response) {
        assertEquals(new ConstantLatency(entry, response), LatencyModel.parse(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "5        | expected a duration with a unit",
                "-5ms     | cannot be negative",
                "abc      | expected a duration with a unit",
                "1x5ms    | '1x5' is not a number",
                "1.5ns    | not a whole number of nanoseconds",
                "5ms/     | expected a duration with a unit",
                "5ms/2h   | expected a duration with a unit"
            })
    void badLatenciesAreRefused(String text, String expected) {
        assertContains(
                message(IllegalArgumentException.class, () -> LatencyModel.parse(text)),
                "latency '" + text + "'",
                expected);
    }

    @Test
    void negativeConstantLatenciesAreRefused() {
        assertContains(
                message(IllegalArgumentException.class, () -> new ConstantLatency(-1, 0)),
                "entry latency",
                ">= 0",
                "-1");
        assertContains(
                message(IllegalArgumentException.class, () -> new ConstantLatency(0, -2)), "response latency", "-2");
    }

    @Test
    void badConfigurationsAreRefused() {
        SimulatorConfig ok = SimulatorConfig.of(0.1, 0.001);
        assertContains(message(IllegalArgumentException.class, () -> SimulatorConfig.of(0, 0.001)), "tick size", "> 0");
        assertContains(message(IllegalArgumentException.class, () -> SimulatorConfig.of(0.1, Double.NaN)), "lot size");
        assertContains(message(IllegalArgumentException.class, () -> ok.withFees(Double.NaN, 0)), "maker fee");
        assertContains(message(IllegalArgumentException.class, () -> ok.withFees(0, 1.5)), "taker fee", "1.5");
        assertContains(
                message(IllegalArgumentException.class, () -> ok.withInitialCash(Double.POSITIVE_INFINITY)),
                "initial cash");
        assertThrows(NullPointerException.class, () -> ok.withLatency(null));
        assertThrows(NullPointerException.class, () -> ok.withQueueModel(null));
        assertContains(
                message(IllegalArgumentException.class, () -> TimelineCorrection.automatic(-1, 10)),
                "minimum feed latency",
                "-1");
        assertContains(
                message(IllegalArgumentException.class, () -> TimelineCorrection.automatic(10, 5)),
                "maximum feed latency (5 ns) must be >= the minimum (10 ns)");
        assertContains(message(IllegalArgumentException.class, () -> new PriceGrid(-0.1, 1)), "tick size");
    }

    @Test
    void badOrdersAreRefused() {
        ExchangeSimulator sim = new Tape().standardBook(100).simulator(Tape.CONFIG);
        assertContains(
                message(IllegalArgumentException.class, () -> sim.submit(Side.BUY, 1000, 0.015, TimeInForce.GTC, 200)),
                "quantity 0.015 is not a multiple of the lot size 0.01");
        assertContains(
                message(
                        IllegalArgumentException.class,
                        () -> sim.submitAtPrice(Side.BUY, 100.05, 1, TimeInForce.GTC, 200)),
                "price 100.05 is not a multiple of the tick size 0.1");
        assertContains(
                message(IllegalArgumentException.class, () -> sim.submit(Side.BUY, 0, 1, TimeInForce.GTC, 200)),
                "at least one tick");
        assertContains(
                message(IllegalArgumentException.class, () -> sim.submit(Side.BUY, 1000, 0, TimeInForce.GTC, 200)),
                "at least one lot");
        assertThrows(NullPointerException.class, () -> sim.submit(null, 1000, 1, TimeInForce.GTC, 200));
        sim.advanceTo(300);
        assertContains(
                message(IllegalArgumentException.class, () -> sim.submit(Side.BUY, 1000, 1, TimeInForce.GTC, 250)),
                "time went backwards");
        assertEquals(false, sim.cancel(12345, 300), "an unknown order: nothing to cancel");
    }

    @Test
    void marketQuantitiesOffTheLotGridAreKeptExactlyAndCounted() {
        // 0.005 with lot 0.01: half a lot (real books hold such legacy quantities); counted so that a wrong lot size
        // shows in the statistics
        ExchangeSimulator sim = new ExchangeSimulator(Tape.CONFIG);
        MarketEvent e = new MarketEvent();
        e.set(
                EventFlags.LOCAL_EVENT | EventFlags.DEPTH_EVENT | EventFlags.BUY_EVENT,
                1,
                1,
                100.0,
                0.005,
                0,
                0,
                0,
                true);
        sim.onMarketEvent(e);
        e.set(EventFlags.LOCAL_EVENT | EventFlags.DEPTH_EVENT | EventFlags.BUY_EVENT, 2, 2, 100.0, 0.02, 0, 0, 0, true);
        sim.onMarketEvent(e);
        assertEquals(1, sim.stats().offGridQuantities());
    }

    @ParameterizedTest
    @ValueSource(doubles = {61800.25, 0.05})
    void pricesOffTheGridAreRefusedNamingTheEvent(double price) {
        ExchangeSimulator sim = new ExchangeSimulator(Tape.CONFIG);
        MarketEvent e = new MarketEvent();
        e.set(EventFlags.LOCAL_EVENT | EventFlags.TRADE_EVENT | EventFlags.SELL_EVENT, 1, 1, price, 1, 0, 0, 0, true);
        assertContains(
                message(IllegalArgumentException.class, () -> sim.onMarketEvent(e)),
                "price " + price,
                "tick size 0.1",
                "TRADE");
        e.set(EventFlags.LOCAL_EVENT | EventFlags.DEPTH_EVENT | EventFlags.BUY_EVENT, 1, 1, 100.0, -1, 0, 0, 0, true);
        assertContains(
                message(IllegalArgumentException.class, () -> sim.onMarketEvent(e)),
                "quantity -1.0",
                "finite and >= 0",
                "DEPTH");
        e.set(EventFlags.LOCAL_EVENT | EventFlags.DEPTH_EVENT, 1, 1, 100.0, 1, 0, 0, 0, true);
        assertContains(message(IllegalArgumentException.class, () -> sim.onMarketEvent(e)), "exactly one of BUY_EVENT");
    }
}
