package io.factorgraph.cli;

import com.google.common.io.MoreFiles;
import io.factorgraph.sweep.DataSpan;
import io.factorgraph.sweep.GridPoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --report}'s best point run as {@code fg backtest} with its values, on this machine, from the data of the
 * span its row is of: the sweep's arguments without the sweep's own options, the point's values and that span's files
 * in. With {@code --days} the point's row of day k is the backtest of day k restored from the state of days 1..k-1
 * (docs/DESIGN.md §13), so the days before it are backtested first, each saving its state for the next: the report
 * is then that of the very row that ranked best.
 */
final class BestPointBacktest {
    /** The sweep's options that take a value and mean nothing to {@code fg backtest}. */
    private static final Set<String> SWEEP_ONLY = Set.of(
            "--grid", "--threads", "--out", "--rank", "--top", "--report", "--heatmap", "--spark", "--span", "--data");
    /** The sweep's options without a value that mean nothing to {@code fg backtest}. */
    private static final Set<String> SWEEP_FLAGS = Set.of("--force", "--days");

    private final List<String> original;
    private final String command;

    /**
     * @param original the sweep's arguments as given
     * @param command the sweep's name, which the arguments may start with
     */
    BestPointBacktest(List<String> original, String command) {
        this.original = List.copyOf(original);
        this.command = command;
    }

    /**
     * Writes the point's backtest report into {@code dir}.
     *
     * @param span the place of the best row's span among {@code files}' spans
     * @param chained whether the spans are days, the point's state carried from one to the next
     * @return whether it was written; when not, why is on {@code err}
     */
    boolean write(GridPoint point, int span, boolean chained, SpanFiles files, Path dir, PrintWriter err)
            throws IOException {
        Path work = Files.createTempDirectory("fg-sweep-best-");
        try {
            Path state = null;
            for (int day = chained ? 0 : span; day <= span; day++) {
                List<String> args = args(point, files.local(day, work));
                if (state != null) {
                    args.add("--restore-state");
                    args.add(state.toString());
                }
                if (day < span) {
                    state = work.resolve("day-" + day + ".fgst");
                    args.add("--save-state");
                    args.add(state.toString());
                } else {
                    args.add("--report");
                    args.add(dir.toString());
                }
                StringWriter problems = new StringWriter();
                int code = Fg.run(
                        args.toArray(new String[0]), new PrintWriter(new StringWriter()), new PrintWriter(problems));
                if (code != 0) {
                    err.println("fg sweep: the best point's backtest failed: " + problems);
                    return false;
                }
            }
            return true;
        } finally {
            MoreFiles.deleteRecursively(work);
        }
    }

    /** The sweep's arguments as {@code fg backtest} of one point over one span. */
    private List<String> args(GridPoint point, DataSpan span) {
        Set<String> replaced = new HashSet<>();
        point.settings().stream().filter(GridPoint.Setting::simulator).forEach(s -> replaced.add("--" + s.name()));
        List<String> args = new ArrayList<>();
        args.add("backtest");
        // The original arguments are the whole command line's: the sweep's name may come first.
        int first = !original.isEmpty() && original.get(0).equals(command) ? 1 : 0;
        for (int i = first; i < original.size(); i++) {
            String arg = original.get(i);
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            if (SWEEP_FLAGS.contains(arg)) {
                continue;
            }
            if (SWEEP_ONLY.contains(name) || replaced.contains(name)) {
                if (eq < 0 || !arg.startsWith("--")) {
                    i++;
                }
                continue;
            }
            args.add(arg);
        }
        for (Map.Entry<String, List<Path>> input : span.files().entrySet()) {
            for (Path file : input.getValue()) {
                args.add("--data");
                args.add(input.getKey() + "=" + file);
            }
        }
        for (GridPoint.Setting s : point.settings()) {
            args.add(s.simulator() ? "--" + s.name() : "--param");
            args.add(s.simulator() ? s.value() : s.name() + "=" + s.value());
        }
        return args;
    }
}
