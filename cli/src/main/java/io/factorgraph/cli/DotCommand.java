package io.factorgraph.cli;

import io.factorgraph.runtime.compile.CompileResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg dot}: the compiled graph as Graphviz DOT, or SVG through graphviz. */
@Command(
        name = "dot",
        mixinStandardHelpOptions = true,
        description = {
            "Print the compiled graph in Graphviz DOT.",
            "With -o FILE.svg, render it through graphviz's 'dot' (apt-get install graphviz)."
        })
final class DotCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "OUT.dot|OUT.svg",
            description = "Write here instead of stdout.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CompileResult result = graph.compile(spec.commandLine().getErr());
        if (result.hasErrors()) {
            return 1;
        }
        String dot = result.graph().orElseThrow().toDot();
        if (out == null) {
            spec.commandLine().getOut().print(dot);
            spec.commandLine().getOut().flush();
            return 0;
        }
        String name = out.getFileName().toString();
        if (name.endsWith(".svg")) {
            renderSvg(dot);
        } else if (name.endsWith(".dot") || name.endsWith(".gv")) {
            Files.writeString(out, dot, StandardCharsets.UTF_8);
        } else {
            throw new UserError("-o " + out + ": expected a file ending in .dot or .svg");
        }
        return 0;
    }

    private void renderSvg(String dot) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("dot", "-Tsvg", "-o", out.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UserError("-o " + out + ": rendering SVG needs graphviz's 'dot' on the PATH"
                    + " (apt-get install graphviz); write -o FILE.dot to get the DOT text instead");
        }
        process.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new UserError("-o " + out + ": graphviz failed: " + messages.strip());
        }
    }
}
