package io.factorgraph.cli;

import io.factorgraph.runtime.data.DataConverter;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg convert}: recorded data to a {@code .fgev} event file, or to an hftbacktest {@code .npz}. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Convert recorded data into a factorgraph event file (.fgev) for fast replay (a binary scan, no gzip or JSON), "
                    + "or into an hftbacktest event file (.npz).",
            "OUT.fgev: the events fg run replays (a Binance feed synchronised with its snapshot), as hftbacktest's "
                    + "64-byte records.",
            "OUT.npz from a recorded feed (.gz): the rows hftbacktest's own binancefutures.convert writes for it "
                    + "(exchange and local timelines, EXCH_EVENT/LOCAL_EVENT; local timestamps moved later so that "
                    + "no feed latency is negative; bookTicker left out unless --bbo), for hftbacktest to backtest. "
                    + "OUT.npz from an .npz copies it.",
            "Prints one line: events, bytes, seconds (and the local timestamp shift of an .npz export)."
        })
final class ConvertCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            paramLabel = "[NAME=]FILE",
            description = {
                "Recorded data: hftbacktest's raw Binance feed files (.gz), .npz or .fgev event files.",
                "Repeat for files that continue one stream, in time order. One conversion is one feed: NAME=FILE "
                        + "(as fg run takes it) is accepted when every --data names the same feed; convert the "
                        + "feeds of a several-book graph one by one, each to its own file, then bind those to fg "
                        + "run (--data NAME=OUT.fgev)."
            })
    List<String> data = new ArrayList<>();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "OUT.fgev",
            description = "The file to write: .fgev, or .npz for hftbacktest. Written atomically; an existing file "
                    + "is replaced only when the conversion succeeds; never one of the inputs.")
    Path out;

    @Option(
            names = "--on-gap",
            paramLabel = "fail|resync",
            defaultValue = "fail",
            description = "A sequence gap in the feed: fail (default) or resync (clear the book, wait for the "
                    + "next snapshot, count the gap).")
    GapPolicy onGap;

    @Option(
            names = "--symbol",
            paramLabel = "SYMBOL",
            description = "The symbol to record in the .fgev header. Default: the feed's stream symbol, or none.")
    String symbol;

    @Option(
            names = "--bbo",
            description = "Keep bookTicker (best bid/offer) messages in an .npz export, as hftbacktest's events 103 "
                    + "(best bid) and 104 (best ask), which its book does not apply (its converter's opt='t'). "
                    + "Default: left out, as hftbacktest's converter does. An .fgev always keeps them.")
    boolean bbo;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (data.isEmpty()) {
            throw new UserError("Missing required option: '--data=FILE': the recorded data to convert");
        }
        if (out == null) {
            throw new UserError("Missing required option: '--out=OUT.fgev': the file to write");
        }
        List<Path> files = DataOptions.oneFeed(data, "fg convert writes one feed to one file");
        if (!DataConverter.isWritable(out)) {
            throw new UserError("-o " + out + ": unknown output type: expected " + DataConverter.writableTypes());
        }
        if (bbo && !String.valueOf(out.getFileName()).toLowerCase(Locale.ROOT).endsWith(".npz")) {
            throw new UserError("--bbo: keeps bookTicker rows in an .npz export; -o " + out + " is not an .npz (an "
                    + ".fgev always keeps them)");
        }
        for (Path file : files) {
            if (sameFile(file, out)) {
                throw new UserError("-o " + out + ": is also an input (--data " + file + "); write the conversion to "
                        + "another file");
            }
        }
        long started = System.nanoTime();
        DataConverter.Result result;
        try {
            result = DataConverter.convert(files, onGap, out, symbol, bbo);
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError("-o " + out + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String gaps = result.gaps().isEmpty() ? "" : ", " + result.gaps().size() + " sequence gaps re-synced";
        String shift = result.localShiftNs() == 0
                ? ""
                : ", local timestamps moved " + result.localShiftNs() + " ns later (no negative feed latency)";
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "fg convert: %d events, %d bytes written to %s in %.2f s%s%s%n",
                result.events(),
                result.bytes(),
                out,
                seconds,
                gaps,
                shift);
        stdout.flush();
        return 0;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
