package io.factorgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
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
    private static final List<Class<?>> BENCHMARKS = List.of(FactorTickBench.class, BookStateBench.class, BookTickBench.class,
            ObiBench.class, ReplayBench.class, CompileBench.class, IpcHopBench.class);
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
                int calls = type == ReplayBench.class ? 1 : 50;
                for (int i = 0; i < calls; i++) {
                    Object[] arguments = new Object[method.getParameterCount()];
                    ReplayBench.Events events = null;
                    if (arguments.length == 1) {
                        events = new ReplayBench.Events();
                        arguments[0] = events;
                    }
                    Object result = method.invoke(bench, arguments);
                    assertTrue(result != null || method.getReturnType() == void.class,
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
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
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
