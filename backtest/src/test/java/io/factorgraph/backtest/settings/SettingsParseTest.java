package io.factorgraph.backtest.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factorgraph.backtest.exchange.InterpolatedLatency;
import io.factorgraph.backtest.exchange.TimelineCorrection;
import io.factorgraph.runtime.data.GapPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each setting accepts, and the message for what it does not: the quoted text and the expected form. */
class SettingsParseTest {
    @TempDir
    Path dir;

    @Test
    void latencyForms() throws Exception {
        assertEquals(new LatencySetting.Constant(250_000, 1_500_000), LatencySetting.parse("250us/1.5ms"));
        assertEquals(new LatencySetting.Constant(5_000_000, 5_000_000), LatencySetting.parse(" 5ms "));
        assertEquals("250us/1500us", LatencySetting.parse("250us/1.5ms").canonical());
        assertEquals("0ms", LatencySetting.parse("0s").canonical());
        assertEquals("150ms", LatencySetting.parse("150ms").canonical());

        Path file = dir.resolve("latency.csv");
        Files.writeString(file, "req_ts,exch_ts,resp_ts\n1000,2000,3500\n");
        LatencySetting fromFile = LatencySetting.parse(file.toString());
        assertInstanceOf(LatencySetting.File.class, fromFile);
        assertEquals(fromFile, LatencySetting.parse(fromFile.canonical()));
        InterpolatedLatency model = (InterpolatedLatency) fromFile.model();
        assertEquals(1000, model.entry(1000));
        assertEquals(1500, model.response(2000));
    }

    @Test
    void badLatencyNamesTheForms() {
        for (String text : new String[] {"abc", "5", "-1ms", "1ms/", "1ms/2ms/3ms", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatencySetting.parse(text));
            assertEquals(
                    "'" + text + "': " + LatencySetting.FORMS, e.getMessage().replace(" (no such file)", ""), text);
        }
        assertEquals(
                "'fast': " + LatencySetting.FORMS + " (no such file)",
                assertThrows(IllegalArgumentException.class, () -> LatencySetting.parse("fast"))
                        .getMessage());
    }

    @Test
    void badLatencyFileNamesItsLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "req_ts,exch_ts,resp_ts\n1000,2000,3000\n1500,abc,3500\n");
        LatencySetting setting = LatencySetting.parse(file.toString());
        var e = assertThrows(io.factorgraph.runtime.data.MarketDataException.class, setting::model);
        assertEquals(true, e.getMessage().startsWith("bad.csv:3"), e.getMessage());
    }

    @Test
    void exchangeClockFormsReadBackAndChooseTheSimulatorsTimeline() throws Exception {
        for (ExchangeClock clock : ExchangeClock.values()) {
            assertEquals(clock, ExchangeClock.parse(clock.canonical()));
        }
        assertEquals(ExchangeClock.RUNNING_MAX, ExchangeClock.parse(" Running_Max "));
        assertEquals(ExchangeClock.CONSTANT, SimulatorSettings.DEFAULTS.clock());
        SimulatorSettings old = new SimulatorSettings(
                new LatencySetting.Constant(0, 0),
                FeeSchedule.BINANCE_USDM_VIP0,
                QueueSetting.RISK_AVERSE,
                io.factorgraph.backtest.exchange.FillMode.NO_PARTIAL,
                ExchangeClock.RUNNING_MAX);
        assertEquals(
                TimelineCorrection.runningMax().rule(),
                old.config(0.1, 0.001).timeline().rule());
        assertEquals(
                TimelineCorrection.constant().rule(),
                SimulatorSettings.DEFAULTS.config(0.1, 0.001).timeline().rule());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExchangeClock.parse("max"));
        assertEquals(
                "'max': expected constant (hftbacktest's one shift for the whole input) or running-max",
                e.getMessage());
    }

    @Test
    void feeForms() {
        assertEquals(new FeeSchedule(-0.0001, 0.0004), FeeSchedule.parse("-0.0001, 0.0004"));
        assertEquals("0.0002,0.0005", FeeSchedule.BINANCE_USDM_VIP0.canonical(), "as a person writes it");
        assertEquals("0,-0.000015", FeeSchedule.parse("-0.0,-1.5e-5").canonical());
        for (String text : new String[] {"0.0002", "a,b", "0.1,1", "0.1,NaN", "1,2,3", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeeSchedule.parse(text));
            assertEquals(
                    true,
                    e.getMessage().startsWith("'" + text + "': ")
                            && e.getMessage().endsWith(FeeSchedule.FORM),
                    e.getMessage());
        }
    }

    @Test
    void queueForms() {
        assertEquals("power3:3", QueueSetting.parse(" Power3:3 ").canonical());
        assertEquals(
                "'fifo': expected risk-averse, power:N, power2:N, power3:N, log or log2 (N a number > 0, "
                        + "e.g. power:3)",
                assertThrows(IllegalArgumentException.class, () -> QueueSetting.parse("fifo"))
                        .getMessage());
        assertEquals(
                "'power:0': the exponent must be finite and > 0, was 0",
                assertThrows(IllegalArgumentException.class, () -> QueueSetting.parse("power:0"))
                        .getMessage());
    }

    @Test
    void gapAndSpeedForms() {
        assertEquals(GapPolicy.RESYNC, GapSetting.parse("Resync"));
        assertEquals(
                "'skip': expected fail or resync",
                assertThrows(IllegalArgumentException.class, () -> GapSetting.parse("skip"))
                        .getMessage());
        for (GapPolicy policy : GapPolicy.values()) {
            assertEquals(policy, GapSetting.parse(GapSetting.canonical(policy)));
        }
        assertEquals(ReplaySpeed.MAX, ReplaySpeed.parse("MAX"));
        assertEquals(new ReplaySpeed(10), ReplaySpeed.parse("10x"));
        for (String text : new String[] {"0", "-1", "fast", "Infinity", "NaN", "x"}) {
            assertEquals(
                    "'" + text + "': " + ReplaySpeed.FORMS,
                    assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse(text))
                            .getMessage());
        }
    }
}
