package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad option of every command: exit code 1 and one line naming the option, the value and the expected
 * form, before any data is read or any process is started. The data given is a file that does not exist, so an error
 * about the option (not about the data) shows the option was checked first; for {@code fg live} the error comes from
 * this JVM (no process's prefixed log line).
 */
class OptionErrorsTest {
    private static final String MISSING = "no-such-dir/no-such-file.gz";
    private static final String BTC =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();
    private static final String LATENCY =
            "expected a duration (e.g. 5ms), ENTRY/RESPONSE (e.g. 250us/1.5ms), or a " + "latency file";
    private static final String FEES = "expected MAKER,TAKER as fractions of traded value, e.g. 0.0002,0.0005 (or "
            + "-0.0001,0.0004 with a maker rebate)";
    private static final String QUEUE =
            "expected risk-averse, power:N, power2:N, power3:N, log or log2 (N a number > 0, " + "e.g. power:3)";
    private static final String DURATION = "expected a positive duration such as 100ms, 1s or 5m";

    /** The command (up to its options), the bad option and value, and the expected rest of the line. */
    static Stream<Arguments> badOptions() {
        List<Arguments> cases = new ArrayList<>();
        // the simulator's options, the same in the three commands that run a venue
        for (String command : List.of(
                "backtest ../examples/obi_mm.fg --data " + MISSING,
                "live run ../examples/obi_mm.fg --data " + MISSING,
                "live connector --data " + MISSING)) {
            cases.add(Arguments.of(command, "--latency", "250us/abc", "'250us/abc': " + LATENCY));
            cases.add(Arguments.of(command, "--latency", "fast", "'fast': " + LATENCY + " (no such file)"));
            cases.add(Arguments.of(command, "--fees", "0.0002", "'0.0002': " + FEES));
            cases.add(Arguments.of(command, "--fees", "0.0002,x", "'0.0002,x': 'x' is not a fee fraction; " + FEES));
            cases.add(Arguments.of(command, "--queue", "fifo", "'fifo': " + QUEUE));
            cases.add(Arguments.of(
                    command, "--queue", "power:0", "'power:0': the exponent must be finite and > 0, " + "was 0"));
            cases.add(Arguments.of(command, "--fill", "some", "'some': expected no-partial or partial"));
            cases.add(Arguments.of(
                    command,
                    "--exchange-clock",
                    "sometimes",
                    "'sometimes': expected constant (hftbacktest's one shift for the whole input) or running-max"));
            cases.add(Arguments.of(command, "--lot-size", "0", "'0': expected a positive step such as 0.001"));
        }
        for (String command : List.of(
                "run ../examples/obi_mm_factors.fg --data " + MISSING,
                "backtest ../examples/obi_mm.fg --data " + MISSING,
                "convert -o x.fgev --data " + MISSING,
                "live run ../examples/obi_mm.fg --data " + MISSING,
                "live connector --data " + MISSING)) {
            cases.add(Arguments.of(command, "--on-gap", "ignore", "'ignore': expected fail or resync"));
        }
        for (String command : List.of(
                "run ../examples/obi_mm_factors.fg --data " + MISSING,
                "backtest ../examples/obi_mm.fg --data " + MISSING,
                "live run ../examples/obi_mm.fg --data " + MISSING,
                "live engine ../examples/obi_mm.fg",
                "live strategy ../examples/obi_mm.fg")) {
            cases.add(Arguments.of(command, "--interval", "100", "'100': " + DURATION));
        }
        for (String command :
                List.of("live run ../examples/obi_mm.fg --data " + MISSING, "live connector --data " + MISSING)) {
            cases.add(Arguments.of(
                    command, "--speed", "fast", "'fast': expected a speed > 0 such as 1, 10, 2.5x or " + "max"));
        }
        for (String command : List.of(
                "live run ../examples/obi_mm.fg --data " + MISSING,
                "live connector --data " + MISSING,
                "live engine ../examples/obi_mm.fg",
                "live strategy ../examples/obi_mm.fg",
                "live driver")) {
            cases.add(Arguments.of(command, "--idle", "lazy", "'lazy': expected backoff, sleep, yield or busy-spin"));
        }
        for (String command : List.of(
                "live run ../examples/obi_mm.fg --data " + MISSING,
                "live connector --data " + MISSING,
                "live engine ../examples/obi_mm.fg",
                "live strategy ../examples/obi_mm.fg")) {
            cases.add(Arguments.of(command, "--heartbeat", "0ms", "'0ms': " + DURATION));
            cases.add(Arguments.of(command, "--peer-timeout", "1", "'1': " + DURATION));
            cases.add(Arguments.of(
                    command,
                    "--udp",
                    "localhost:port",
                    "'localhost:port': expected HOST:PORT with " + "PORT..PORT+4 free, e.g. 127.0.0.1:40100"));
        }
        cases.add(Arguments.of(
                "live run ../examples/obi_mm.fg --data " + MISSING,
                "--warmup",
                "many",
                "'many': expected a whole number such as 600"));
        cases.add(Arguments.of(
                "live engine ../examples/obi_mm.fg", "--warmup", "1.5", "'1.5': expected a whole number such as 600"));
        cases.add(Arguments.of(
                "live run ../examples/obi_mm.fg --data " + MISSING, "--stale-after", "soon", "'soon': " + DURATION));
        cases.add(Arguments.of(
                "live strategy ../examples/obi_mm.fg",
                "--lot-size",
                "-0.001",
                "'-0.001': expected a positive step such as 0.001"));
        cases.add(Arguments.of(
                "live connector --data " + MISSING,
                "--tick-size",
                "x",
                "'x': expected a positive step such as 0.001, or NAME=STEP for one feed"));
        cases.add(Arguments.of("live connector --data " + MISSING, "--await", "0s", "'0s': " + DURATION));
        cases.add(Arguments.of("live connector --data " + MISSING, "--linger", "long", "'long': " + DURATION));
        cases.add(Arguments.of("live engine ../examples/obi_mm.fg", "--await", "-1s", "'-1s': " + DURATION));
        cases.add(Arguments.of("backtest ../examples/obi_mm.fg", "--duration", "0s", "'0s': " + DURATION));
        cases.add(Arguments.of(
                "backtest ../examples/obi_mm.fg", "--seed", "x", "'x': expected a whole number such as 600"));
        return cases.stream();
    }

    @ParameterizedTest(name = "fg {0} {1} {2}")
    @MethodSource("badOptions")
    void badOptionIsOneLineNamingOptionValueAndForm(String command, String option, String value, String expected) {
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.add(option);
        args.add(value);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String name = "fg " + (args.get(0).equals("live") ? "live " + args.get(1) : args.get(0));
        assertEquals(name + ": error: " + option + " " + expected + "\n", run.err());
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
    }

    @Test
    void missingDataAndBadLatencyFileStopFgLiveRunBeforeAnyProcessStarts(@TempDir Path dir) throws IOException {
        CliRun missing = CliRun.of("live", "run", "../examples/obi_mm.fg", "--data", MISSING);
        assertEquals("fg live run: error: --data " + MISSING + ": no such file\n", missing.err());
        assertEquals(1, missing.exitCode());

        Path latency = dir.resolve("latency.csv");
        Files.writeString(latency, "req_ts,exch_ts,resp_ts\n1000,2000,3000\n1500,abc,3500\n");
        for (String command : List.of("run", "connector")) {
            List<String> args = new ArrayList<>(List.of("live", command));
            if (command.equals("run")) {
                args.add("../examples/obi_mm.fg");
            }
            args.addAll(List.of("--data", BTC, "--latency", latency.toString()));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(1, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertEquals(
                    true, run.err().startsWith("fg live " + command + ": error: --latency latency.csv:3"), run.err());
            assertFalse(run.err().contains("[connector]"), "no process was started: " + run.err());
        }
    }

    @Test
    void heartbeatLongerThanThePeerTimeoutNamesBoth() {
        CliRun run = CliRun.of("live", "run", "../examples/obi_mm.fg", "--data", BTC, "--heartbeat", "2s");
        assertEquals("fg live run: error: --peer-timeout (1s) must be longer than --heartbeat (2s)\n", run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void unknownOptionIsOneLine() {
        CliRun run = CliRun.of("live", "engine", "../examples/obi_mm.fg", "--wramup", "5");
        assertEquals(
                "fg live engine: error: Unknown options: '--wramup', '5' (see 'fg live engine --help')\n", run.err());
        assertEquals(1, run.exitCode());
    }
}
