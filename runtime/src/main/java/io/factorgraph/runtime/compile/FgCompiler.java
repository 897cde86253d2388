package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.parse.FgParser;
import io.factorgraph.dsl.parse.ParseResult;
import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.plan.Plan;
import io.factorgraph.runtime.registry.FunctionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compiles {@code .fg} sources: parse, resolve, check, plan, link. Every phase runs on what the
 * previous ones could make sense of, so one compile reports all the problems it can find; a graph
 * is linked only when there is no error. Immutable and thread-safe.
 *
 * <pre>{@code
 * FgCompiler compiler = FgCompiler.standard();
 * CompiledGraph graph = compiler.compile(Path.of("alpha.fg"), List.of(new ParamOverride("window", "300")))
 *         .orElseThrow();
 * }</pre>
 */
public final class FgCompiler {
    private final FunctionRegistry registry;
    /** Null for {@link MemoryBudget#ofHeap()}, read when compiling (the heap is the running JVM's). */
    private final MemoryBudget memoryBudget;

    private FgCompiler(FunctionRegistry registry, MemoryBudget memoryBudget) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.memoryBudget = memoryBudget;
    }

    /** A compiler over every function library on the class path. */
    public static FgCompiler standard() {
        return new FgCompiler(FunctionRegistry.load(), null);
    }

    public static FgCompiler withRegistry(FunctionRegistry registry) {
        return new FgCompiler(registry, null);
    }

    /**
     * This compiler with another memory budget for one graph instance (default: {@link MemoryBudget#ofHeap()}),
     * e.g. for an application that runs many instances in one JVM.
     */
    public FgCompiler withMemoryBudget(MemoryBudget budget) {
        return new FgCompiler(registry, Objects.requireNonNull(budget, "budget"));
    }

    public FunctionRegistry registry() {
        return registry;
    }

    public CompileResult compile(String name, String text) {
        return compile(SourceText.of(name, text), List.of());
    }

    /**
     * The largest {@code .fg} file read: 16 MiB, some 600,000 statements, which compile in tens of seconds;
     * a larger file is a mistake (a data file passed as a graph), refused before it is read.
     */
    public static final long MAX_SOURCE_BYTES = 16L << 20;

    public CompileResult compile(Path file, List<ParamOverride> overrides) throws IOException {
        long size = Files.size(file);
        if (size > MAX_SOURCE_BYTES) {
            SourceText empty = SourceText.of(file.toString(), "");
            return new CompileResult(
                    empty,
                    Optional.empty(),
                    List.of(Diagnostic.error(
                            new Span(0, 0, 1, 1),
                            "this file is " + MemoryBudget.format(size) + "; a graph file may be at most "
                                    + MemoryBudget.format(MAX_SOURCE_BYTES),
                            Note.help("is it a data file? data is given with --data"))),
                    List.of());
        }
        return compile(SourceText.of(file.toString(), Files.readString(file, StandardCharsets.UTF_8)), overrides);
    }

    public CompileResult compile(String name, String text, Map<String, String> overrides) {
        List<ParamOverride> list = new ArrayList<>();
        overrides.forEach((k, v) -> list.add(new ParamOverride(k, v)));
        return compile(SourceText.of(name, text), list);
    }

    public CompileResult compile(SourceText source, List<ParamOverride> overrides) {
        DiagnosticSink sink = new DiagnosticSink();
        List<OverrideProblem> overrideProblems = new ArrayList<>();
        ParseResult parsed = FgParser.parse(source);
        sink.reportAll(parsed.diagnostics());
        Resolution resolution = Resolver.resolve(parsed.program(), registry, sink);
        CheckedProgram checked = Checker.check(resolution, registry, overrides, sink, overrideProblems);
        Optional<CompiledGraph> graph = Optional.empty();
        if (!sink.hasErrors()) {
            Plan plan = Planner.plan(checked, memoryBudget == null ? MemoryBudget.ofHeap() : memoryBudget, sink);
            if (!sink.hasErrors() && overrideProblems.isEmpty()) {
                graph = Optional.of(CompiledGraph.link(plan));
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>(sink.diagnostics());
        diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.span().offset()));
        return new CompileResult(source, graph, diagnostics, overrideProblems);
    }
}
