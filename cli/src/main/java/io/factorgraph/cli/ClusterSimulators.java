package io.factorgraph.cli;

import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.sweep.GridPoint;
import io.factorgraph.sweep.SimulatorFactory;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Each point's simulator from {@code fg sweep}'s simulator options as text, for a cluster's executors: the options as
 * given with the point's simulator axes in their place, parsed by the same {@link SimulatorOptions} as {@code fg
 * backtest}'s, so {@code --grid latency=5ms} means {@code --latency 5ms} there too. Serialisable: every task carries it.
 *
 * @param file the graph file's name, for messages
 * @param args the simulator options given, as pairs of option name and value
 */
public record ClusterSimulators(String file, List<String> args) implements SimulatorFactory, Serializable {
    private static final long serialVersionUID = 1L;

    public ClusterSimulators {
        args = List.copyOf(args);
        if (args.size() % 2 != 0) {
            throw new IllegalArgumentException("simulator options come in pairs of name and value");
        }
    }

    /** The simulator options among a command's arguments. */
    static ClusterSimulators of(Path file, List<String> simulatorArgs) {
        return new ClusterSimulators(file.toString(), simulatorArgs);
    }

    @Override
    public SimulatorConfig config(GridPoint point, SinkBinding sink, String book) {
        Set<String> gridded = new HashSet<>();
        List<String> line = new ArrayList<>();
        for (GridPoint.Setting s : point.settings()) {
            if (s.simulator()) {
                gridded.add("--" + s.name());
            }
        }
        for (int i = 0; i < args.size(); i += 2) {
            if (!gridded.contains(args.get(i))) {
                line.add(args.get(i));
                line.add(args.get(i + 1));
            }
        }
        for (GridPoint.Setting s : point.settings()) {
            if (s.simulator()) {
                line.add("--" + s.name());
                line.add(s.value());
            }
        }
        SweepCommand.SimulatorOnly holder = new SweepCommand.SimulatorOnly();
        try {
            CommandLine parser = new CommandLine(holder);
            OptionTypes.register(parser);
            parser.parseArgs(line.toArray(new String[0]));
            return BacktestCommand.simulatorConfig(Path.of(file), sink, holder.simulator.instruments(), book);
        } catch (CommandLine.ParameterException | UserError e) {
            throw new IllegalArgumentException(point.describe() + ": " + e.getMessage(), e);
        }
    }
}
