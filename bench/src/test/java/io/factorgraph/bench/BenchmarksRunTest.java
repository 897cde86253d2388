package io.factorgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.bench.data.BenchData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A smoke run of every benchmark without JMH's timing: each benchmark class is set up with small
 * parameters, each {@code @Benchmark} method is called a few times, and the class is torn down, so
 * a broken benchmark fails {@code mvn verify} rather than the next {@code bin/fg-bench}. Also checks that JMH's annotation
 * processor listed every benchmark in the jar. No timing is asserted.
 */
class BenchmarksRunTest {
    private static final List<Class<?>> BENCHMARKS = List.of(
            FactorTickBench.class,
            BookStateBench.class,
            BookTickBench.class,
            ObiBench.class,
            ReplayBench.class,
            MergeBench.class,
            SweepBench.class,
            CompileBench.class,
            IpcHopBench.class);
    /** Parameter values for the smoke run; the rest keep their first declared value. */
    private static final Map<String, String> SMALL = Map.of("window", "60", "statements", "100");

    @Test
    void everyBenchmarkRuns() throws Exception {
        int ran = 0;
        for (Class<?> type : BENCHMARKS) {
            Object bench = type.getConstructor().newInstance();
            for (Field field : type.getFields()) {
                Param param = field.getAnnotation(Param.class);
                if (param != null) {
                    String value = SMALL.getOrDefault(field.getName(), param.value()[0]);
                    field.set(bench, field.getType() == int.class ? (Object) Integer.parseInt(value) : value);
                }
            }
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(Setup.class)) {
                    method.invoke(bench);
                }
            }
            for (Method method : type.getMethods()) {
                if (!method.isAnnotationPresent(Benchmark.class)) {
                    continue;
                }
                int calls = type == ReplayBench.class || type == SweepBench.class ? 1 : 50;
                for (int i = 0; i < calls; i++) {
                    Object[] arguments = new Object[method.getParameterCount()];
                    ReplayBench.Events events = null;
                    if (arguments.length == 1) {
                        events = new ReplayBench.Events();
                        arguments[0] = events;
                    }
                    Object result = method.invoke(bench, arguments);
                    assertTrue(
                            result != null || method.getReturnType() == void.class,
                            type.getSimpleName() + "." + method.getName() + " returned nothing");
                    if (events != null) {
                        assertTrue(events.events > 100_000, method.getName() + " counted " + events.events + " events");
                    }
                }
                ran++;
            }
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(TearDown.class)) {
                    method.invoke(bench);
                }
            }
        }
        assertEquals(listedBenchmarks().size(), ran, "every listed benchmark ran");
    }

    /**
     * The {@code .fgev} rows replay what the gzip rows replay: the file {@code fg convert} makes at set-up holds the
     * same events, so decoding, the book, {@code fg run}'s path and the backtest count the same events and compute
     * the same factors and PnL (with the gzip feed decoded on its own thread too); the converted file is deleted at
     * tear-down.
     */
    @Test
    void theFgevReplayIsTheSameReplayAsTheFeeds() throws Exception {
        ReplayBench bench = new ReplayBench();
        bench.data = BenchData.DEFAULT_FILE;
        bench.setUp();
        Path converted = bench.fgevFile();
        assertTrue(Files.isRegularFile(converted), "converted at set-up: " + converted);
        try {
            ReplayBench.Events gz = new ReplayBench.Events();
            ReplayBench.Events fgev = new ReplayBench.Events();
            long decoded = bench.decode(gz);
            assertEquals(decoded, bench.fgevDecode(fgev), "events decoded");
            ReplayBench.Events inflated = new ReplayBench.Events();
            long bytes = bench.gunzip(inflated);
            assertEquals(decoded, inflated.events, "the gunzip row credits the events its bytes decode to");
            assertTrue(bytes > 20 * decoded, "it inflated the whole JSON feed: " + bytes + " bytes");
            assertEquals(bytes, bench.wholeGunzip(inflated), "libdeflate inflates the same bytes");
            assertEquals(bench.book(gz), bench.fgevBook(fgev), "events applied to the book");
            assertEquals(bench.fgRun(gz), bench.fgevFgRun(fgev), "fg run's factors, summed");
            ReplayBench.Events gzBacktest = new ReplayBench.Events();
            ReplayBench.Events fgevBacktest = new ReplayBench.Events();
            ReplayBench.Events pipedBacktest = new ReplayBench.Events();
            double pnl = bench.backtest(gzBacktest);
            assertEquals(pnl, bench.fgevBacktest(fgevBacktest), "the backtest's PnL from the .fgev file");
            assertEquals(pnl, bench.pipelinedBacktest(pipedBacktest), "the backtest's PnL, decoding on its own thread");
            assertEquals(gzBacktest.events, fgevBacktest.events, "events the .fgev backtest counted");
            assertEquals(gzBacktest.events, pipedBacktest.events, "events the pipelined backtest counted");
            assertEquals(gz.events, fgev.events, "events counted");
            assertTrue(fgev.events > 3 * 100_000, "three passes over the file: " + fgev.events);
        } finally {
            bench.tearDown();
        }
        assertFalse(Files.exists(converted), "deleted at tear-down");
        assertFalse(Files.exists(converted.getParent()), "its folder too");
    }

    @Test
    void jmhListsEveryBenchmarkMethod() throws Exception {
        TreeSet<String> declared = new TreeSet<>();
        for (Class<?> type : BENCHMARKS) {
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(Benchmark.class)) {
                    declared.add(type.getName() + "." + method.getName());
                }
            }
        }
        assertEquals(declared, listedBenchmarks());
    }

    /** The benchmarks in JMH's generated META-INF/BenchmarkList. */
    private static TreeSet<String> listedBenchmarks() throws Exception {
        TreeSet<String> listed = new TreeSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(
                        BenchmarksRunTest.class.getResourceAsStream("/META-INF/BenchmarkList"), "no BenchmarkList"),
                StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>(reader.lines().toList());
            for (String line : lines) {
                // "JMH S <len> <class> S <len> <generated> S <len> <method> ..."
                String[] parts = line.split(" ");
                listed.add(parts[3] + "." + parts[9]);
            }
        }
        return listed;
    }
}
