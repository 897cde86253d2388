package io.factorgraph.runtime.data.fgev;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Replay throughput of the readers, in events per second: a measurement to run by hand, not a test
 * (nothing here is asserted; timings do not belong in tests). Each figure is the median of several
 * timed runs after two seconds of warm-up and a few warm-up runs; a run reads the file enough times to
 * last about half a second, opening and closing it each time.
 *
 * <pre>{@code
 * java -cp runtime/target/classes:runtime/target/test-classes \
 *     io.factorgraph.runtime.data.EventFileThroughput FILE.fgev [FEED.gz]
 * }</pre>
 */
public final class EventFileThroughput {
    private static final int WARMUPS = 5;
    private static final int RUNS = 9;

    private interface Pass {
        /** Reads the data once; returns the events read (and feeds a checksum). */
        long run() throws Exception;
    }

    private static double sink;

    public static void main(String[] args) throws Exception {
        Path fgev = Path.of(args[0]);
        System.out.printf(
                "%s: %,d bytes, %s%n",
                fgev.getFileName(), Files.size(fgev), System.getProperty("java.vm.name") + " " + Runtime.version());
        measure("fgev cursor (next + 3 fields)", () -> cursor(fgev));
        measure("fgev cursor (next + all 9 fields)", () -> allFields(EventFileReader.open(fgev)));
        List<Path> two = List.of(fgev, fgev2(fgev));
        measure("2 fgev files chained (EventSources)", () -> cursor(EventSources.open(two, GapPolicy.FAIL)));
        measure("fgev + BookReplay (book apply)", () -> book(EventFileReader.open(fgev)));
        if (args.length > 1) {
            List<Path> feed = List.of(Path.of(args[1]));
            measure("gz feed reader (for comparison)", () -> cursor(BinanceFeedReader.open(feed)));
            measure("gz feed + BookReplay (for comparison)", () -> book(BinanceFeedReader.open(feed)));
        }
        System.out.println("checksum " + sink);
    }

    /** A copy of the file whose local times continue after the original's, for chaining. */
    private static Path fgev2(Path fgev) throws Exception {
        Path second = Files.createTempFile("second", EventFile.EXTENSION);
        second.toFile().deleteOnExit();
        try (EventFileReader reader = EventFileReader.open(fgev);
                EventFileWriter writer = EventFileWriter.create(second, "", "")) {
            long shift = reader.header().lastLocalTs() - reader.header().firstLocalTs() + 1;
            MarketEvent e = reader.event();
            while (reader.next()) {
                writer.write(
                        e.ev(),
                        e.exchTs() + shift,
                        e.localTs() + shift,
                        e.px(),
                        e.qty(),
                        e.orderId(),
                        e.ival(),
                        e.fval(),
                        e.endOfMessage());
            }
            writer.finish();
        }
        return second;
    }

    private static long allFields(EventSource source) throws MarketDataException {
        long n = 0;
        double sum = 0;
        try (source) {
            MarketEvent e = source.event();
            while (source.next()) {
                sum += e.ev()
                        + e.exchTs()
                        + e.localTs()
                        + e.px()
                        + e.qty()
                        + e.orderId()
                        + e.ival()
                        + e.fval()
                        + (e.endOfMessage() ? 1 : 0);
                n++;
            }
        }
        sink += sum;
        return n;
    }

    private static long cursor(Path file) throws MarketDataException {
        return cursor(EventFileReader.open(file));
    }

    private static long cursor(EventSource source) throws MarketDataException {
        long n = 0;
        double sum = 0;
        try (source) {
            MarketEvent e = source.event();
            while (source.next()) {
                sum += e.px() + e.localTs() + (e.endOfMessage() ? 1 : 0);
                n++;
            }
        }
        sink += sum;
        return n;
    }

    private static final OrderBook BOOK = new OrderBook();

    private static long book(EventSource source) throws MarketDataException {
        long n = 0;
        double sum = 0;
        BOOK.clear();
        try (BookReplay replay = new BookReplay(source, BOOK)) {
            while (replay.next()) {
                n++;
            }
            sum += BOOK.bestBid();
        }
        sink += sum;
        return n;
    }

    private static void measure(String what, Pass pass) throws Exception {
        long events = 0;
        long warmUntil = System.nanoTime() + 2_000_000_000L; // compile everything before sizing the runs
        while (System.nanoTime() < warmUntil) {
            events = pass.run();
        }
        long t0 = System.nanoTime();
        pass.run();
        double once = (System.nanoTime() - t0) / 1e9;
        int repeat = (int) Math.max(1, Math.min(10_000, 0.5 / Math.max(once, 1e-6)));
        double[] rates = new double[RUNS];
        for (int run = -WARMUPS; run < RUNS; run++) {
            long start = System.nanoTime();
            long n = 0;
            for (int i = 0; i < repeat; i++) {
                n += pass.run();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (run >= 0) {
                rates[run] = n / seconds;
            }
        }
        Arrays.sort(rates);
        System.out.printf(
                "%-40s %8.1f M events/s median (min %.1f, max %.1f; %,d events x %d per run)%n",
                what, rates[RUNS / 2] / 1e6, rates[0] / 1e6, rates[RUNS - 1] / 1e6, events, repeat);
    }
}
