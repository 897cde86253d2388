package io.factorgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload {@code bin/fg aot} records a JDK AOT cache from ({@code -XX:AOTCacheOutput}): what a user's first
 * commands load and link, run in one JVM so that the cache holds it. Every example graph is checked, drawn and
 * listed with the functions, then a generated graph of a few thousand statements is compiled so the compiler's
 * phases are trained on something larger than an example. A later {@code fg} started with the cache skips most of
 * the class loading and linking these cost in a fresh JVM.
 */
public final class AotTraining {
    /** Statements in the generated graph: enough to load every phase's code paths, quick to compile. */
    static final int GENERATED_STATEMENTS = 2_000;

    private AotTraining() {}

    /** {@code AotTraining EXAMPLES_DIR}: trains, prints one line, exits 1 when a command failed. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: AotTraining EXAMPLES_DIR");
            System.exit(2);
        }
        List<String> failures = train(Path.of(args[0]));
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("fg aot: " + f));
            System.exit(1);
        }
    }

    /**
     * Runs the training commands.
     *
     * @return one line per command that did not exit 0, with its error output; empty when all passed
     */
    static List<String> train(Path examples) throws IOException {
        List<Path> graphs;
        try (Stream<Path> files = Files.list(examples)) {
            graphs = files.filter(f -> f.toString().endsWith(".fg")).sorted().toList();
        }
        if (graphs.isEmpty()) {
            throw new IOException(examples + ": no .fg files to train on");
        }
        List<String> failures = new ArrayList<>();
        for (Path graph : graphs) {
            run(failures, "check", graph.toString());
            run(failures, "dot", graph.toString());
        }
        run(failures, "functions");
        Path generated = Files.createTempFile("fg-aot-training", ".fg");
        try {
            Files.writeString(generated, generatedGraph(GENERATED_STATEMENTS));
            run(failures, "check", generated.toString());
        } finally {
            Files.deleteIfExists(generated);
        }
        return failures;
    }

    private static void run(List<String> failures, String... args) {
        StringWriter err = new StringWriter();
        int code = Fg.run(args, new PrintWriter(Writer.nullWriter()), new PrintWriter(err));
        if (code != 0) {
            failures.add("fg " + String.join(" ", args) + " exited " + code + ": "
                    + err.toString().strip());
        }
    }

    /** A chain of windowed statistics over two inputs, each name an output: the shapes users' graphs have. */
    static String generatedGraph(int statements) {
        StringBuilder fg = new StringBuilder("input a: double\ninput b: double\n");
        fg.append("s0 = a - b\n");
        for (int i = 1; i < statements; i++) {
            String prev = "s" + (i - 1);
            String expr =
                    switch (i % 5) {
                        case 0 -> "zscore(" + prev + ", 60)";
                        case 1 -> "ewm_mean(" + prev + ", 30)";
                        case 2 -> prev + " * 0.5 + a";
                        case 3 -> "rolling_max(" + prev + ", 20) - b";
                        default -> "change(" + prev + ")";
                    };
            fg.append('s').append(i).append(" = ").append(expr).append('\n');
        }
        return fg.toString();
    }
}
