package io.factorgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fg live}: the graph and its strategy as separate processes over Aeron (docs/DESIGN.md §8). */
@Command(
        name = "live",
        mixinStandardHelpOptions = true,
        description = {
            "Run a graph live: a connector (recorded feed replayed + paper venue), an engine (book + graph, "
                    + "one factor update per tick) and a strategy (the graph's sink) as separate JVMs over Aeron IPC "
                    + "or UDP, with SBE messages, sequence numbers, heartbeats and fail-safes.",
            "",
            "  fg live run FILE.fg --data F --speed 10   all of it, to the end of the data",
            "  fg live driver|connector|engine|strategy  one process (per terminal or host)"
        },
        subcommands = {
            LiveRunCommand.class,
            LiveCancelAllCommand.class,
            LiveDriverCommand.class,
            LiveConnectorCommand.class,
            LiveEngineCommand.class,
            LiveStrategyCommand.class
        })
final class LiveCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
