package io.factorgraph.cli;

import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.graph.SinkBinding;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code fg check}: compile and report. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Compile a graph and print its diagnostics (file:line:col: error|warning: ...).",
            "Exit code 0 when there is no error, 1 when there is."
        })
final class CheckCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CompileResult result = graph.compile(spec.commandLine().getErr());
        if (result.hasErrors()) {
            int errors = result.errors().size() + result.overrideProblems().size();
            spec.commandLine()
                    .getErr()
                    .println(graph.file + ": " + errors + (errors == 1 ? " error" : " errors")
                            + (result.warnings().isEmpty()
                                    ? ""
                                    : ", " + result.warnings().size() + " warning"
                                            + (result.warnings().size() == 1 ? "" : "s")));
            return 1;
        }
        CompiledGraph compiled = result.graph().orElseThrow();
        String outputs = compiled.outputs().stream().map(OutputHandle::name).collect(Collectors.joining(", "));
        int nodes = compiled.plan().functionNodes().size();
        spec.commandLine()
                .getOut()
                .println(graph.file + ": ok: " + nodes + (nodes == 1 ? " node" : " nodes")
                        + ", outputs: " + (outputs.isEmpty() ? "(none)" : outputs)
                        + sinks(compiled)
                        + (result.warnings().isEmpty()
                                ? ""
                                : ", " + result.warnings().size() + " warning"
                                        + (result.warnings().size() == 1 ? "" : "s")));
        return 0;
    }

    /** {@code , sink: NAME} for one sink; {@code , sinks: NAME (book), ...} for several, each trading its own book. */
    private static String sinks(CompiledGraph compiled) {
        List<SinkBinding> sinks = compiled.sinks();
        if (sinks.size() == 1) {
            return ", sink: " + sinks.get(0).function().signature().name();
        }
        return sinks.isEmpty()
                ? ""
                : ", sinks: "
                        + sinks.stream()
                                .map(s -> s.function().signature().name()
                                        + s.tradedBook()
                                                .map(b -> " (" + b.name() + ")")
                                                .orElse(""))
                                .collect(Collectors.joining(", "));
    }
}
