package io.factorgraph.bench.data;

import io.factorgraph.bench.baseline.HandObi;
import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.L2Book;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.replay.SamplingClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real feed cut into ticks, held in primitive arrays so that a benchmark can replay book states
 * without reading or parsing anything: the book at the first tick (the snapshot once synchronised),
 * then for every later tick the depth edits that led to it. Ticks are those of a graph without a
 * {@code clock}: one after every message that changed a ready book ({@link SamplingClock} with
 * interval 0), so one tick is "one book message, then the graph".
 *
 * <p>Also holds, per tick, the {@code OBI(book, depth)} and {@code mid(book)} values of that book
 * state (the factor series the factor-only benchmarks feed as {@code input} doubles), and can hand out
 * copies of book states spread over the file.
 */
public final class RecordedTicks {
    private static final byte SET_BID = 0;
    private static final byte SET_ASK = 1;
    private static final byte CLEAR_BID = 2;
    private static final byte CLEAR_ASK = 3;
    private static final byte CLEAR_ALL = 4;

    private static final Map<String, RecordedTicks> CACHE = new ConcurrentHashMap<>();

    private final String source;
    private final BookState initial;
    private final int ticks;
    /** The edits of tick {@code i} (those after tick {@code i - 1}) are {@code [opStart[i], opStart[i + 1])}. */
    private final int[] opStart;

    private final byte[] ops;
    private final double[] prices;
    private final double[] qtys;
    private final long[] times;
    private final double[] obi;
    private final double[] mid;
    private final long events;

    private RecordedTicks(
            String source,
            BookState initial,
            int ticks,
            int[] opStart,
            byte[] ops,
            double[] prices,
            double[] qtys,
            long[] times,
            double[] obi,
            double[] mid,
            long events) {
        this.source = source;
        this.initial = initial;
        this.ticks = ticks;
        this.opStart = opStart;
        this.ops = ops;
        this.prices = prices;
        this.qtys = qtys;
        this.times = times;
        this.obi = obi;
        this.mid = mid;
        this.events = events;
    }

    /** The file's ticks, with OBI computed at {@code depth}; read once per JVM and kept. */
    public static RecordedTicks of(List<Path> files, double depth) {
        String key = files + "@" + depth;
        return CACHE.computeIfAbsent(key, k -> {
            try {
                return record(files, depth);
            } catch (MarketDataException e) {
                throw new IllegalStateException("cannot read " + files + ": " + e.getMessage(), e);
            }
        });
    }

    public static RecordedTicks of(String commaSeparatedFiles, double depth) {
        return of(RecordedData.commaSeparated(commaSeparatedFiles), depth);
    }

    private static RecordedTicks record(List<Path> files, double depth) throws MarketDataException {
        OrderBook book = new OrderBook();
        SamplingClock clock = new SamplingClock(0);
        BookState initial = null;
        int count = 0;
        int[] opStart = new int[1 << 16];
        long[] times = new long[1 << 16];
        double[] obi = new double[1 << 16];
        double[] mid = new double[1 << 16];
        byte[] ops = new byte[1 << 20];
        double[] prices = new double[1 << 20];
        double[] qtys = new double[1 << 20];
        int opCount = 0;
        long events = 0;
        try (BookReplay replay = new BookReplay(BinanceFeedReader.open(files, GapPolicy.RESYNC), book)) {
            MarketEvent e = replay.event();
            while (replay.next()) {
                events++;
                if (initial != null && e.isLocal()) {
                    byte op =
                            switch (e.kind()) {
                                case (int) EventFlags.DEPTH_EVENT, (int) EventFlags.DEPTH_SNAPSHOT_EVENT ->
                                    e.isBuy() ? SET_BID : SET_ASK;
                                case (int) EventFlags.DEPTH_CLEAR_EVENT ->
                                    e.isBuy() == e.isSell() ? CLEAR_ALL : e.isBuy() ? CLEAR_BID : CLEAR_ASK;
                                default -> -1;
                            };
                    if (op >= 0) {
                        if (opCount == ops.length) {
                            ops = Arrays.copyOf(ops, opCount * 2);
                            prices = Arrays.copyOf(prices, opCount * 2);
                            qtys = Arrays.copyOf(qtys, opCount * 2);
                        }
                        ops[opCount] = op;
                        prices[opCount] = e.px();
                        qtys[opCount] = e.qty();
                        opCount++;
                    }
                }
                long tick = clock.afterEvent(e.localTs(), e.endOfMessage(), replay.bookChanged(), book.isReady());
                if (tick == SamplingClock.NONE) {
                    continue;
                }
                if (initial == null) {
                    initial = BookState.of(book);
                }
                if (count + 1 >= opStart.length) {
                    int n = opStart.length * 2;
                    opStart = Arrays.copyOf(opStart, n);
                    times = Arrays.copyOf(times, n);
                    obi = Arrays.copyOf(obi, n);
                    mid = Arrays.copyOf(mid, n);
                }
                times[count] = tick;
                obi[count] = HandObi.walk(book, depth);
                mid[count] = (book.bestBid() + book.bestAsk()) * 0.5;
                count++;
                opStart[count] = opCount;
            }
        }
        if (initial == null) {
            throw new IllegalStateException(files + ": the book never became ready");
        }
        return new RecordedTicks(
                files.toString(),
                initial,
                count,
                Arrays.copyOf(opStart, count + 1),
                Arrays.copyOf(ops, opCount),
                Arrays.copyOf(prices, opCount),
                Arrays.copyOf(qtys, opCount),
                Arrays.copyOf(times, count),
                Arrays.copyOf(obi, count),
                Arrays.copyOf(mid, count),
                events);
    }

    /** Number of ticks (book-changing messages after the book became ready). */
    public int ticks() {
        return ticks;
    }

    /** Events the reader produced for the whole file (depth levels, trades, best bid/offer). */
    public long events() {
        return events;
    }

    /** Depth edits applied after the first tick. */
    public int bookOps() {
        return ops.length;
    }

    public String source() {
        return source;
    }

    /** Local time of tick {@code i}, ns. */
    public long time(int i) {
        return times[i];
    }

    /** OBI of tick {@code i}'s book state. */
    public double obi(int i) {
        return obi[i];
    }

    /** Mid of tick {@code i}'s book state. */
    public double mid(int i) {
        return mid[i];
    }

    /** Clears {@code book} and loads the state of tick 0. */
    public void loadFirst(L2Book book) {
        initial.loadInto(book);
    }

    /**
     * Applies the edits that lead from tick {@code i - 1}'s state to tick {@code i}'s ({@code i >= 1}).
     * Allocation-free.
     */
    public void apply(int i, L2Book book) {
        final byte[] ops = this.ops;
        final double[] prices = this.prices;
        final double[] qtys = this.qtys;
        for (int k = opStart[i], end = opStart[i + 1]; k < end; k++) {
            switch (ops[k]) {
                case SET_BID -> book.onLevel(true, prices[k], qtys[k]);
                case SET_ASK -> book.onLevel(false, prices[k], qtys[k]);
                case CLEAR_BID -> book.clearSide(true, prices[k]);
                case CLEAR_ASK -> book.clearSide(false, prices[k]);
                default -> book.clear();
            }
        }
    }

    /**
     * Moves {@code book} from tick {@code i}'s state to the next tick's and returns that tick's index;
     * after the last tick it starts over from tick 0. Allocation-free.
     */
    public int advance(int i, L2Book book) {
        final int next = i + 1;
        if (next >= ticks) {
            loadFirst(book);
            return 0;
        }
        apply(next, book);
        return next;
    }

    /** Copies of {@code count} book states spread evenly over the file (tick 0 first). */
    public List<BookState> states(int count) {
        OrderBook book = new OrderBook();
        loadFirst(book);
        List<BookState> states = new ArrayList<>();
        int step = Math.max(1, ticks / count);
        for (int i = 0; i < ticks && states.size() < count; i++) {
            if (i > 0) {
                apply(i, book);
            }
            if (i % step == 0) {
                states.add(BookState.of(book));
            }
        }
        return states;
    }

    /** One book state: every level of each side, best first. */
    public record BookState(double[] bidPrices, double[] bidQtys, double[] askPrices, double[] askQtys) {
        public static BookState of(L2Book book) {
            int b = book.bidDepth();
            int a = book.askDepth();
            double[] bp = new double[b];
            double[] bq = new double[b];
            double[] ap = new double[a];
            double[] aq = new double[a];
            for (int i = 0; i < b; i++) {
                bp[i] = book.bidPrice(i);
                bq[i] = book.bidQty(i);
            }
            for (int i = 0; i < a; i++) {
                ap[i] = book.askPrice(i);
                aq[i] = book.askQty(i);
            }
            return new BookState(bp, bq, ap, aq);
        }

        /**
         * Clears {@code book} and sets this state's levels; the book is marked ready. Deepest level
         * first: the book keeps its best level at the end of its arrays, so this order appends
         * instead of shifting every level already there.
         */
        public void loadInto(L2Book book) {
            book.clear();
            for (int i = bidPrices.length - 1; i >= 0; i--) {
                book.onLevel(true, bidPrices[i], bidQtys[i]);
            }
            for (int i = askPrices.length - 1; i >= 0; i--) {
                book.onLevel(false, askPrices[i], askQtys[i]);
            }
            book.setReady(true);
        }

        /** Levels within {@code depth} of the mid, bids plus asks: what OBI walks. */
        public int levelsInBand(double depth) {
            if (bidPrices.length == 0 || askPrices.length == 0) {
                return 0;
            }
            double m = (bidPrices[0] + askPrices[0]) / 2.0;
            int n = 0;
            for (int i = 0; i < bidPrices.length && bidPrices[i] >= m * (1 - depth); i++) {
                n++;
            }
            for (int i = 0; i < askPrices.length && askPrices[i] <= m * (1 + depth); i++) {
                n++;
            }
            return n;
        }
    }
}
