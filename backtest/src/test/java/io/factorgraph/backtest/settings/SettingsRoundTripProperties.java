package io.factorgraph.backtest.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.backtest.exchange.ConstantLatency;
import io.factorgraph.backtest.exchange.FillMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The live launcher puts each setting on a child's command line in its canonical form: that text must parse back to
 * an equal setting, whatever the value, or the venue of {@code fg live} would differ from the one the user asked for.
 */
class SettingsRoundTripProperties {

    @Property
    void constantLatencyReadsBackExactly(
            @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long entry,
            @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long response) {
        LatencySetting.Constant setting = new LatencySetting.Constant(entry, response);
        assertEquals(setting, LatencySetting.parse(setting.canonical()));
        // and it is the model the backtest's own parser makes of the same text
        assertEquals(new ConstantLatency(entry, response), setting.model());
    }

    @Property
    void durationTextIsWhatTheLatencyParserReadsBack(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long nanos) {
        String text = DurationText.format(nanos);
        assertEquals(nanos, io.factorgraph.backtest.exchange.LatencyModel.parseDuration(text, text), text);
    }

    @Property
    void feesReadBackExactly(@ForAll("fractions") double maker, @ForAll("fractions") double taker) {
        FeeSchedule fees = new FeeSchedule(maker, taker);
        assertEquals(fees, FeeSchedule.parse(fees.canonical()));
    }

    @Property
    void speedsReadBackExactly(@ForAll("speeds") double factor) {
        ReplaySpeed speed = new ReplaySpeed(factor);
        assertEquals(speed, ReplaySpeed.parse(speed.canonical()));
    }

    /** Any double of the range, down to the last bit: the canonical text must keep them all. */
    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> Math.abs(d) < 1);
    }

    @Provide
    Arbitrary<Double> speeds() {
        return Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> d > 0 && Double.isFinite(d));
    }

    @Property
    void queueModelsReadBack(@ForAll("queueModels") String text) {
        QueueSetting queue = QueueSetting.parse(text);
        assertEquals(queue, QueueSetting.parse(queue.canonical()));
        assertEquals(
                queue.model(),
                QueueSetting.parse(text.toUpperCase(java.util.Locale.ROOT)).model(),
                "names are case-insensitive");
    }

    @Provide
    Arbitrary<String> queueModels() {
        Arbitrary<String> exponent = Arbitraries.doubles().between(0.01, 100).map(d -> Double.toString(d));
        return Arbitraries.oneOf(
                Arbitraries.of("risk-averse", "log", "log2"),
                Arbitraries.of("power", "power2", "power3").flatMap(n -> exponent.map(e -> n + ":" + e)));
    }

    @Property
    void simulatorSettingsMakeTheConfigTheyName(
            @ForAll("queueModels") String queue,
            @ForAll boolean partial,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long latency)
            throws Exception {
        SimulatorSettings settings = new SimulatorSettings(
                new LatencySetting.Constant(latency, latency),
                FeeSchedule.parse("-0.0001,0.0004"),
                QueueSetting.parse(queue),
                partial ? FillMode.PARTIAL : FillMode.NO_PARTIAL);
        var config = settings.config(0.1, 0.001);
        assertEquals(-0.0001, config.makerFee());
        assertEquals(0.0004, config.takerFee());
        assertEquals(new ConstantLatency(latency, latency), config.latency());
        assertEquals(settings.queue().model(), config.queueModel());
        assertEquals(settings.fill(), config.fillMode());
    }
}
