package io.factorgraph.cli;

import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.ReplaySnapshot;
import io.factorgraph.runtime.state.SnapshotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --save-state} and {@code --restore-state}, shared by {@code fg run} and {@code fg backtest}: chain runs over
 * files that continue one another without warming the windows up again (docs/DESIGN.md §13).
 */
final class StateOptions {
    @Option(
            names = "--save-state",
            paramLabel = "FILE",
            description = "After the last tick, write the whole state here: every node's windows and sums, every "
                    + "book, the clock's phase and each feed's sync state (a snapshot, format FGST).")
    Path save;

    @Option(
            names = "--restore-state",
            paramLabel = "FILE",
            description = {
                "Start from a snapshot --save-state wrote at the end of a run over the files before these: the "
                        + "--data files must continue that run's feeds (Binance: diffs going on from its last "
                        + "update id). The graph, its params and the clock settings must be the ones it was "
                        + "taken with, else one line names the difference."
            })
    Path restore;

    /** The snapshot to start from, checked against the graph and the run's interval; empty without the option. */
    Optional<ReplaySnapshot> restore(CompiledGraph graph, long intervalNanos) {
        if (restore == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReplaySnapshot.read(restore, graph, intervalNanos));
        } catch (SnapshotException e) {
            throw new UserError("--restore-state " + e.getMessage());
        }
    }

    boolean saving() {
        return save != null;
    }

    /** Writes the snapshot to {@code --save-state}: a temporary file renamed over it, so no half-written file. */
    void save(byte[] snapshot) {
        Path target = save.toAbsolutePath();
        try {
            Path temp = target.resolveSibling(target.getFileName() + ".part");
            Files.write(temp, snapshot);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("--save-state " + save + ": cannot write the state snapshot: " + e);
        }
    }
}
