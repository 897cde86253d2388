package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.DiagnosticRenderer;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.parse.FgParser;
import io.factorgraph.dsl.parse.ParseResult;
import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.FusedGraph;
import io.factorgraph.runtime.plan.Plan;
import io.factorgraph.runtime.registry.FunctionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

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
        return compileChecked(source, overrides).result();
    }

    /** A compile's result and, when it got that far, its checked program. */
    private record Checked(CompileResult result, CheckedProgram program) {}

    /**
     * Compiles a sweep (docs/DESIGN.md §12) of the file: see {@link #compileSweep(SourceText, List)}. A file
     * too large to be a graph fails every point with the reason.
     */
    public SweepCompileResult compileSweep(Path file, List<List<ParamOverride>> points) throws IOException {
        if (Files.size(file) > MAX_SOURCE_BYTES) {
            CompileResult refused = compile(file, List.of());
            List<SweepPoint> failed = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                failed.add(failedPoint(i, points.get(i), refused));
            }
            return new SweepCompileResult(refused.source(), List.of(), failed, Optional.empty(), Optional.empty());
        }
        return compileSweep(SourceText.of(file.toString(), Files.readString(file, StandardCharsets.UTF_8)), points);
    }

    public SweepCompileResult compileSweep(String name, String text, List<List<ParamOverride>> points) {
        return compileSweep(SourceText.of(name, text), points);
    }

    /**
     * Compiles every point of a sweep on its own, as {@link #compile(SourceText, List)} with its overrides
     * would, and plans the points that compiled into one {@link FusedGraph}. A point that fails (say, a
     * cross-check of its sink's arguments) is reported with its reason and does not stop the others; a point
     * whose {@code clock every} differs from the first compiled point's fails too, since all points tick on
     * one clock. An override that names no param or has the wrong kind refuses the whole sweep: it is
     * reported once in {@link SweepCompileResult#overrideProblems()}, and nothing is fused.
     *
     * @param points each point's param values; at least one (an empty list is the file's own values)
     * @throws IllegalArgumentException when there is no point
     */
    public SweepCompileResult compileSweep(SourceText source, List<List<ParamOverride>> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one point");
        }
        // One problem per param and message: a name that is no param is one problem whatever its values.
        Map<List<String>, OverrideProblem> overrideProblems = new LinkedHashMap<>();
        List<SweepPoint> swept = new ArrayList<>();
        List<CheckedProgram> programs = new ArrayList<>();
        List<Optional<String>> failures = new ArrayList<>();
        List<Integer> sinkCounts = new ArrayList<>();
        OptionalLong clock = null;
        int firstCompiled = -1;
        int separateNodes = 0;
        for (int i = 0; i < points.size(); i++) {
            List<ParamOverride> overrides = points.get(i);
            Checked compiled = compileChecked(source, overrides);
            CompileResult result = compiled.result();
            for (OverrideProblem problem : result.overrideProblems()) {
                overrideProblems.putIfAbsent(
                        List.of(
                                problem.override().name(),
                                problem.message(),
                                problem.help().orElse("")),
                        problem);
            }
            SweepPoint point;
            if (result.graph().isEmpty()) {
                point = failedPoint(i, overrides, result);
            } else if (clock != null && !clock.equals(result.graph().get().clockNanos())) {
                String reason =
                        "clock every is " + describeClock(result.graph().get().clockNanos()) + " here but "
                                + describeClock(clock) + " in point " + firstCompiled
                                + "; all points of a sweep tick on one clock";
                point = new SweepPoint(i, overrides, Optional.of(reason), "error: " + reason + "\n", 0);
            } else {
                if (clock == null) {
                    clock = result.graph().get().clockNanos();
                    firstCompiled = i;
                }
                int nodes = result.graph().get().plan().functionNodes().size();
                separateNodes += nodes;
                programs.add(compiled.program());
                point = new SweepPoint(i, overrides, Optional.empty(), "", nodes);
            }
            swept.add(point);
            failures.add(point.ok() ? Optional.empty() : Optional.of(point.failureText()));
            sinkCounts.add(point.ok() ? compiled.program().sinks().size() : 0);
        }
        if (!overrideProblems.isEmpty() || programs.isEmpty()) {
            return new SweepCompileResult(
                    source, List.copyOf(overrideProblems.values()), swept, Optional.empty(), Optional.empty());
        }
        DiagnosticSink sink = new DiagnosticSink();
        Plan plan = Planner.planFused(programs, memoryBudget == null ? MemoryBudget.ofHeap() : memoryBudget, sink);
        if (sink.hasErrors()) {
            String why = "the " + programs.size() + " points together: "
                    + DiagnosticRenderer.render(source, sink.diagnostics());
            return new SweepCompileResult(source, List.of(), swept, Optional.empty(), Optional.of(why));
        }
        FusedGraph fused = FusedGraph.of(CompiledGraph.link(plan), failures, sinkCounts, separateNodes);
        return new SweepCompileResult(source, List.of(), swept, Optional.of(fused), Optional.empty());
    }

    private static SweepPoint failedPoint(int index, List<ParamOverride> overrides, CompileResult result) {
        String summary = result.overrideProblems().stream()
                .findFirst()
                .map(p -> "--param " + p.override() + ": " + p.message())
                .or(() -> result.errors().stream()
                        .findFirst()
                        .map(d -> result.source().name() + ":" + d.span().line() + ":"
                                + d.span().column() + ": " + d.message()))
                .orElse("did not compile");
        return new SweepPoint(index, overrides, Optional.of(summary), result.render(), 0);
    }

    private static String describeClock(OptionalLong clock) {
        return clock.isPresent() ? io.factorgraph.runtime.spi.Constant.formatNanos(clock.getAsLong()) : "not set";
    }

    private Checked compileChecked(SourceText source, List<ParamOverride> overrides) {
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
        return new Checked(new CompileResult(source, graph, diagnostics, overrideProblems), checked);
    }
}
