package io.factorgraph.bench;

import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile time of generated graphs of N statements ({@link GeneratedGraphs}): source text to a linked
 * {@link CompiledGraph} (parse, resolve, check, plan, link), in a warmed-up JVM; and the same plus
 * {@code newInstance()}, which builds the nodes and their windows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CompileBench {
    @Param({"10", "100", "1000", "10000"})
    public int statements;

    private FgCompiler compiler;
    private String source;

    @Setup
    public void setUp() {
        compiler = FgCompiler.standard();
        source = GeneratedGraphs.source(statements, 42);
        CompileResult check = compiler.compile("generated.fg", source);
        if (check.hasErrors()) {
            throw new IllegalStateException(check.render());
        }
    }

    @Benchmark
    public CompiledGraph compile() {
        return compiler.compile("generated.fg", source).orElseThrow();
    }

    @Benchmark
    public GraphInstance compileAndInstantiate() {
        return compiler.compile("generated.fg", source).orElseThrow().newInstance();
    }
}
