package io.factorgraph.cli;

import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import io.factorgraph.runtime.replay.ReplaySnapshot;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg run}: replay recorded data through a graph and write the outputs as CSV. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Replay recorded market data through a graph; write one CSV row per tick:",
            "ts (ns, local clock) then each output in order; doubles in Java's shortest round-trip form, "
                    + "bools as 1/0.",
            "A graph with several books replays one feed per book (--data NAME=FILE), merged on the local "
                    + "clock; the columns are the same: ts and the outputs (output mid(NAME) for a book's mid).",
            "--save-state S then --restore-state S over the files that continue the --data feeds: the rows one run "
                    + "over all the files gives after the first run's last row, bit for bit."
        })
final class RunCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Mixin
    DataOptions data;

    @Mixin
    StateOptions state;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "OUT.csv",
            description = "Write the CSV here instead of stdout.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CompileResult result = graph.compile(spec.commandLine().getErr());
        if (result.hasErrors()) {
            return 1;
        }
        CompiledGraph compiled = result.graph().orElseThrow();
        long interval = data.intervalNanos(compiled);
        DataBindings bindings = data.bind(compiled);
        Optional<ReplaySnapshot> snapshot = state.restore(compiled, interval);
        long started = System.nanoTime();
        long rows = 0;
        List<EventSource> sources;
        try {
            sources = bindings.openAll(snapshot);
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        }
        ReplayFactorProvider provider;
        try {
            provider = new ReplayFactorProvider(sources, compiled.newInstance(), interval, CrossedBookPolicy.FAIL);
        } catch (IllegalArgumentException e) {
            sources.forEach(EventSource::close);
            throw new UserError(graph.file + ": " + e.getMessage());
        }
        snapshot.ifPresent(provider::restore);
        try (provider;
                Writer writer = open()) {
            FactorCsv csv = new FactorCsv(writer, compiled.outputs());
            csv.writeHeader();
            while (provider.next()) {
                csv.writeRow(provider.current());
                rows++;
            }
            if (state.saving()) {
                state.save(provider.saveState());
            }
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long gapCount = sources.stream().mapToLong(s -> s.gaps().size()).sum();
        String gaps = gapCount == 0 ? "" : ", " + gapCount + " sequence gaps re-synced";
        spec.commandLine()
                .getErr()
                .printf("fg run: %d events, %d ticks%s in %.2f s%n", provider.eventCount(), rows, gaps, seconds);
        spec.commandLine().getErr().flush();
        return 0;
    }

    private Writer open() throws IOException {
        if (out == null) {
            return new NonClosingWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16));
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    /** Flushes instead of closing, so that stdout stays open for the caller. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
