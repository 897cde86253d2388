package io.factorgraph.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.launch.LaunchConfig;
import io.factorgraph.live.launch.Launcher;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.live.transport.Channels;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.data.GapPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code fg live run} as across hosts: every process with a media driver of its own and every stream over Aeron UDP,
 * here on the loopback interface (127.0.0.1 only). The launcher starts the three JVMs, the replay runs to the end at
 * max speed, everything exits cleanly and the strategy's summary is printed.
 */
class UdpLoopbackTest {
    @Test
    void wholePipelineOverLoopbackUdpWithADriverPerProcess() throws Exception {
        int base = freeBasePort();
        TransportConfig udp = new TransportConfig(
                "/dev/shm/fg-live-udp-" + base,
                true,
                IdleMode.BACKOFF,
                Channels.udp("127.0.0.1", base),
                TransportConfig.DEFAULT_HEARTBEAT,
                TransportConfig.DEFAULT_PEER_TIMEOUT);
        GraphSpec spec = new GraphSpec(EngineParityTest.OBI_MM, List.of(), -1);
        LaunchConfig config = new LaunchConfig(
                new ConnectorConfig(
                        List.of(EngineParityTest.BTC),
                        GapPolicy.FAIL,
                        ReplaySpeed.MAX,
                        false,
                        0.1,
                        0.001,
                        SimulatorSettings.DEFAULTS,
                        udp,
                        30_000_000_000L,
                        true,
                        20_000_000_000L,
                        List.of()),
                new EngineConfig(spec, udp, 100, "usdm_btcusdt", 30_000_000_000L, List.of()),
                new StrategyConfig(spec, udp, 0.001, 2_000_000_000L, false, null, null, List.of()),
                "per-process",
                IdleMode.BACKOFF,
                List.of("-Xmx256m", "-XX:+UseSerialGC"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Launcher(config, o, e).run();
        }
        String log = err.toString(StandardCharsets.UTF_8);
        String summary = out.toString(StandardCharsets.UTF_8);
        System.out.println(log);
        assertEquals(0, code, log);
        assertTrue(log.contains("[connector]") && log.contains("aeron:udp?endpoint=127.0.0.1:" + base), log);
        assertTrue(log.contains("[engine]") && log.contains("end of market data: 3445 ticks"), log);
        assertTrue(log.contains("[strategy]") && log.contains("quoting at tick"), log);
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("pnl ")), summary);
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("trades ")), summary);
        assertTrue(summary.contains("0 gaps, 0 engine restarts"), summary);
    }

    /** A base port whose five ports are free on 127.0.0.1. */
    static int freeBasePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            boolean free = true;
            for (int p = base; p < base + 5 && free; p++) {
                try (DatagramSocket s =
                        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p))) {
                    s.getLocalPort();
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no five free UDP ports on 127.0.0.1");
    }
}
