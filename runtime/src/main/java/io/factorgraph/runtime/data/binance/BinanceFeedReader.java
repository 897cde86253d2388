package io.factorgraph.runtime.data.binance;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.SequenceGap;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.MarketEventColumns;
import io.factorgraph.runtime.state.SnapshotException;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

// Longer than the project's ~500 lines, on purpose: the parse of one line is a single pass whose state (the
// fields seen, the message kind, the clocks) lives in this class's primitive fields so that reading allocates
// nothing; the JSON scanning (JsonScanner), line splitting (LineReader), book synchronisation (DepthSync) and
// row storage (EventBatch) are already apart. Splitting the message grammar further would pass that state
// between classes on every line.
/**
 * Reads Binance websocket feeds as recorded by hftbacktest's collector ({@code <local_ts ns> <json>} per
 * line, gzip) and turns them into hftbacktest-style events with the order book exactly synchronised.
 *
 * <h2>Messages</h2>
 * <ul>
 *   <li>{@code <sym>@depth[@Nms]} diffs become one {@link EventFlags#DEPTH_EVENT} per level (quantity 0
 *       removes the level), bids first, then asks, in message order;
 *   <li>a REST snapshot ({@code {"lastUpdateId":L,"bids":..,"asks":..}}) becomes, per side, a
 *       {@link EventFlags#DEPTH_CLEAR_EVENT} through the snapshot's furthest price (NaN, the whole side,
 *       when the side is empty) followed by one {@link EventFlags#DEPTH_SNAPSHOT_EVENT} per level, as
 *       hftbacktest's converter writes them;
 *   <li>{@code <sym>@trade} becomes a {@link EventFlags#TRADE_EVENT} whose side is the aggressor's:
 *       {@code "m":true} (buyer is maker) means the aggressor sold. Futures trades whose {@code X} is not
 *       {@code MARKET} are skipped, as hftbacktest does;
 *   <li>{@code <sym>@bookTicker} becomes two {@link EventFlags#DEPTH_BBO_EVENT}s (bid, then ask); they
 *       never edit the L2 book.
 * </ul>
 * Every event carries {@link EventFlags#LOCAL_EVENT} and not {@link EventFlags#EXCH_EVENT}: events come in
 * receive order, and exchange times in receive order go backwards thousands of times per file (different
 * streams, different latencies), so this is a valid local timeline and not an exchange one. A simulator that
 * needs the exchange timeline sorts by {@code exch_ts}, as hftbacktest's {@code correct_event_order} does.
 * {@code local_ts} is the line's prefix; {@code exch_ts} is the message's {@code T} (transaction time) or,
 * without one, {@code E}, in ms scaled to ns; spot bookTicker and spot snapshots carry neither and get the
 * exchange time of the latest message that had one (the line's own local time when none has yet).
 * {@code ival} holds the exchange's id: {@code u} for a depth diff and a bookTicker, {@code lastUpdateId} for a
 * snapshot, {@code t} for a trade. Prices and quantities must be decimal strings, prices positive and
 * quantities non-negative (trades: positive).
 *
 * <h2>Book synchronisation (Binance's procedure)</h2>
 * Depth diffs are held back until a REST snapshot arrives. Then diffs with {@code u < lastUpdateId} are
 * dropped and the rest applied in order; the first one applied must satisfy {@code U <= lastUpdateId}
 * (futures) or {@code U <= lastUpdateId + 1} (spot), and every later one must continue the previous:
 * {@code pu == previous u} when the diff has {@code pu} (futures), {@code U == previous u + 1} otherwise (spot).
 * The held-back diffs are emitted right after the snapshot and stamped with the snapshot's {@code local_ts},
 * the moment a live client could have applied them, so that local time never goes backwards. Any other
 * diff is a gap, handled by the {@link GapPolicy}; it is never applied. A snapshot that arrives while the
 * book is in sync is skipped (counted in {@link #stats()}). Data in which no snapshot is ever found is an
 * error at its end.
 *
 * <h2>Several files</h2>
 * Files given together continue one stream, in the order given: the book and the sequence checks carry on
 * across the boundary. A file whose first line is older than the previous file's last one is an error
 * naming both, and so is a line whose local time goes backwards within a file. Every line of every file
 * is for one instrument: a stream for another symbol is an error.
 *
 * <p>Parsing is a purpose-built scanner over the line's bytes ({@link JsonScanner}); after warm-up the
 * reader allocates nothing per line or event. Not thread-safe.
 */
public final class BinanceFeedReader implements EventSource {
    private static final long NS_PER_MS = 1_000_000L;
    private static final long MAX_MS = Long.MAX_VALUE / NS_PER_MS;

    private static final int LINE_BITS = 48;

    private static final int DEPTH = 1;
    private static final int TRADE = 2;
    private static final int BOOK_TICKER = 3;

    private static final byte[] TRADE_SUFFIX = JsonScanner.ascii("trade");
    private static final byte[] BOOK_TICKER_SUFFIX = JsonScanner.ascii("bookTicker");
    private static final byte[] DEPTH_SUFFIX = JsonScanner.ascii("depth");
    private static final byte[] DEPTH_UPDATE = JsonScanner.ascii("depthUpdate");
    private static final byte[] MARKET = JsonScanner.ascii("MARKET");

    // field bits seen in a data object
    private static final int F_E = 1;
    private static final int F_T = 1 << 1;
    private static final int F_FIRST = 1 << 2;
    private static final int F_LAST = 1 << 3;
    private static final int F_PREV = 1 << 4;
    private static final int F_BIDS = 1 << 5;
    private static final int F_ASKS = 1 << 6;
    private static final int F_TRADE_ID = 1 << 7;
    private static final int F_PRICE = 1 << 8;
    private static final int F_QTY = 1 << 9;
    private static final int F_MAKER = 1 << 10;
    private static final int F_BID_PX = 1 << 11;
    private static final int F_BID_QTY = 1 << 12;
    private static final int F_ASK_PX = 1 << 13;
    private static final int F_ASK_QTY = 1 << 14;

    private final List<Path> files;
    /** A live stream of lines instead of files ({@link #open(String, InputStream, GapPolicy)}), else null. */
    private InputStream stream;

    private final String[] names;
    private final GapPolicy gapPolicy;
    private final MarketEvent event = new MarketEvent();
    private final EventBatch batch = new EventBatch(4096);
    private final JsonScanner json = new JsonScanner();
    private final DepthSync sync;
    private final boolean synchronise;

    private LineReader lines;
    private int fileIndex = -1;
    private boolean firstLineOfFile;
    private int row;
    private int current = -1;
    private boolean finished;
    /** Whether the stream was synced from a snapshot in files read before these ({@link #continuation()}). */
    private boolean continued;
    /** What the first file's predecessor is called in "files out of order" messages, when there is one. */
    private String previousName;

    // the instrument: the symbol part of the first stream name
    private final byte[] symbol = new byte[64];
    private int symbolLength = -1;
    private int streamStart;
    private int streamEnd;

    // clocks
    private long lastLocalTs = Long.MIN_VALUE;
    private long lastExchTs = Long.MIN_VALUE;

    // the data object being parsed
    private int seen;
    private long fE;
    private long fT;
    private long fFirst;
    private long fLast;
    private long fPrev;
    private long fTradeId;
    private double fPrice;
    private double fQty;
    private boolean fMaker;
    private boolean fNotMarket;
    private double fBidPx;
    private double fBidQty;
    private double fAskPx;
    private double fAskQty;

    // statistics
    private long statLines;
    private long statEvents;
    private long statTrades;
    private long statTradesSkipped;
    private long statBookTickers;

    private BinanceFeedReader(List<Path> files, GapPolicy gapPolicy, boolean synchronise) {
        this.files = files;
        this.gapPolicy = gapPolicy;
        this.names = new String[files.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = String.valueOf(files.get(i).getFileName());
        }
        this.sync = new DepthSync(gapPolicy, synchronise, names);
        this.synchronise = synchronise;
    }

    /** Opens one or more files continuing one stream, failing on sequence gaps. */
    public static BinanceFeedReader open(Path... files) throws MarketDataException {
        return open(List.of(files), GapPolicy.FAIL);
    }

    /** Opens files continuing one stream, in the order given, failing on sequence gaps. */
    public static BinanceFeedReader open(List<Path> files) throws MarketDataException {
        return open(files, GapPolicy.FAIL);
    }

    /**
     * Opens files continuing one stream, in the order given.
     *
     * @throws MarketDataException when a file does not exist or cannot be read
     * @throws IllegalArgumentException when no file is given
     */
    public static BinanceFeedReader open(List<Path> files, GapPolicy gapPolicy) throws MarketDataException {
        return open(files, gapPolicy, true);
    }

    /**
     * Opens files continuing one stream, in the order given, without book synchronisation: every depth diff
     * and snapshot comes out as it was recorded, in file order and stamped with its own line's local time,
     * with no holding back, dropping or sequence checks, and no snapshot required. This is the feed as
     * hftbacktest's converter reads it (its book is exact only from the first snapshot on, and diffs older than
     * that snapshot still reach it); messages are parsed and checked exactly as by {@link #open}.
     *
     * @throws MarketDataException when a file does not exist or cannot be read
     */
    public static BinanceFeedReader openUnsynchronised(List<Path> files) throws MarketDataException {
        return open(files, GapPolicy.FAIL, false);
    }

    /**
     * Opens files that continue the stream a reader ended with {@link #continuation()} (its files given before, say
     * in a run that saved its state): the book's sequence goes on from the saved update id, so a file that starts
     * with diffs, not a snapshot, is applied from its first line, and the checks of time order and instrument go on
     * across the boundary. An empty continuation opens from the start.
     *
     * @throws MarketDataException when a file cannot be read, or the continuation is not a Binance feed's (naming
     *     the first file)
     */
    public static BinanceFeedReader open(List<Path> files, GapPolicy gapPolicy, byte[] continuation)
            throws MarketDataException {
        BinanceFeedReader reader = open(files, gapPolicy, true);
        if (continuation.length > 0) {
            reader.continueFrom(continuation);
        }
        return reader;
    }

    private static final String CONTINUATION = "binance-feed 1";

    /** {@inheritDoc} Here: the sync state ({@code DepthSync}), the clocks and the symbol. */
    @Override
    public byte[] continuation() {
        StateWriter out = new StateWriter();
        out.writeString(CONTINUATION);
        out.writeBoolean(synchronise);
        sync.writeContinuation(out);
        out.writeLong(lastLocalTs);
        out.writeLong(lastExchTs);
        out.writeString(symbolLength < 0 ? "" : new String(symbol, 0, symbolLength, StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void continueFrom(byte[] continuation) throws MarketDataException {
        String where = names[0];
        StateReader in = new StateReader(continuation, 0, continuation.length, where + ": the state snapshot's feed");
        try {
            String kind = in.readString();
            if (!kind.equals(CONTINUATION)) {
                throw new MarketDataException(
                        where,
                        "the state snapshot continues a feed of another kind (" + kind
                                + "), not a recorded Binance feed; continue it with files of the format it was taken on");
            }
            if (!in.readBoolean()) {
                throw new MarketDataException(where, "the state snapshot's feed was read without book sync");
            }
            continued = sync.readContinuation(in);
            lastLocalTs = in.readLong();
            lastExchTs = in.readLong();
            byte[] saved = in.readString().getBytes(StandardCharsets.UTF_8);
            if (saved.length > symbol.length) {
                throw in.corrupt("a symbol of " + saved.length + " bytes");
            }
            System.arraycopy(saved, 0, symbol, 0, saved.length);
            symbolLength = saved.length == 0 ? -1 : saved.length;
            previousName = "the run the state snapshot was taken at the end of";
        } catch (SnapshotException e) {
            throw new MarketDataException(where, e.getMessage());
        }
    }

    /**
     * Reads lines of the recorded format ({@code <local_ts ns> <json>}, plain text) as they arrive on {@code in}: a
     * live feed read by the same parser and book synchronisation as the recorded files. {@link #next()} blocks until
     * the next line; the end of {@code in} is the end of the data. {@code name} stands for the file in messages.
     */
    public static BinanceFeedReader open(String name, InputStream in, GapPolicy gapPolicy) throws MarketDataException {
        BinanceFeedReader reader = new BinanceFeedReader(List.of(Path.of(name)), gapPolicy, true);
        reader.stream = in;
        reader.openNextFile();
        return reader;
    }

    private static BinanceFeedReader open(List<Path> files, GapPolicy gapPolicy, boolean synchronise)
            throws MarketDataException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one feed file is needed");
        }
        if (gapPolicy == null) {
            throw new NullPointerException("gapPolicy");
        }
        List<Path> copy = List.copyOf(files);
        for (Path file : copy) {
            String name = String.valueOf(file.getFileName());
            if (!Files.exists(file)) {
                throw new MarketDataException(name, "cannot open: no such file: " + file);
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new MarketDataException(name, "cannot open: not a readable file: " + file);
            }
        }
        BinanceFeedReader reader = new BinanceFeedReader(copy, gapPolicy, synchronise);
        reader.openNextFile();
        return reader;
    }

    @Override
    public boolean next() throws MarketDataException {
        if (row >= batch.size() && !refill()) {
            current = -1;
            return false;
        }
        current = row;
        batch.load(row++, event);
        statEvents++;
        return true;
    }

    /** A run of the current message batch's rows, copied column by column. */
    @Override
    public int drainTo(MarketEventColumns into, long[] marks, int at, int max) throws MarketDataException {
        if (row >= batch.size() && !refill()) {
            current = -1;
            return 0;
        }
        int n = Math.min(max, batch.size() - row);
        batch.copyTo(row, n, into, marks, at, LINE_BITS);
        row += n;
        current = row - 1;
        statEvents += n;
        return n;
    }

    @Override
    public MarketEvent event() {
        return event;
    }

    @Override
    public String position() {
        if (current >= 0) {
            return positionAt(positionMark());
        }
        return lines == null ? names[names.length - 1] : names[fileIndex] + ":" + lines.lineNumber();
    }

    /** The current row's file index and line, packed as {@code file << 48 | line}; -1 between events. */
    @Override
    public long positionMark() {
        return current >= 0 ? ((long) batch.file(current) << LINE_BITS) | batch.line(current) : -1L;
    }

    /** Formats a {@link #positionMark()} from the file names alone, so any thread may call it. */
    @Override
    public String positionAt(long mark) {
        if (mark < 0) {
            return position();
        }
        return names[(int) (mark >>> LINE_BITS)] + ":" + (mark & ((1L << LINE_BITS) - 1));
    }

    @Override
    public int gapCount() {
        return sync.gaps().size();
    }

    /** The policy this reader applies to sequence gaps. */
    public GapPolicy gapPolicy() {
        return gapPolicy;
    }

    @Override
    public List<SequenceGap> gaps() {
        return stats().gaps();
    }

    /** Counts and gaps so far (allocates: call it at the end or now and then, not per event). */
    public FeedStats stats() {
        return new FeedStats(
                statLines,
                statEvents,
                sync.diffsApplied(),
                sync.diffsDropped(),
                sync.diffsPending(),
                sync.snapshotsApplied(),
                sync.snapshotsSkipped(),
                statTrades,
                statTradesSkipped,
                statBookTickers,
                sync.gaps(),
                sync.synced());
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
            lines = null;
        }
        finished = true;
    }

    // ---- reading -----------------------------------------------------------------------------------

    private boolean refill() throws MarketDataException {
        batch.clear();
        row = 0;
        while (batch.size() == 0) {
            if (finished) {
                return false;
            }
            if (lines == null || !lines.next()) {
                if (!openNextFile()) {
                    finish();
                    return false;
                }
                continue;
            }
            parseLine();
        }
        return true;
    }

    private boolean openNextFile() throws MarketDataException {
        if (lines != null) {
            lines.close();
            lines = null;
        }
        if (fileIndex + 1 >= files.size()) {
            return false;
        }
        fileIndex++;
        lines = stream != null ? LineReader.of(names[fileIndex], stream) : LineReader.open(files.get(fileIndex));
        firstLineOfFile = true;
        return true;
    }

    private void finish() throws MarketDataException {
        finished = true;
        if (synchronise && sync.snapshotsApplied() == 0 && !continued) {
            throw new MarketDataException(
                    "",
                    "no depth snapshot found in " + String.join(", ", names)
                            + ": Binance book synchronisation starts from a REST snapshot ({\"lastUpdateId\":...})");
        }
    }

    private void parseLine() throws MarketDataException {
        byte[] b = lines.buffer();
        int start = lines.start();
        int end = lines.end();
        long line = lines.lineNumber();
        statLines++;
        int p = start;
        long ts = 0;
        while (p < end) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (ts > (Long.MAX_VALUE - d) / 10) {
                throw new MarketDataException(
                        names[fileIndex] + ":" + line, "malformed line: local timestamp does not fit in 64 bits");
            }
            ts = ts * 10 + d;
            p++;
        }
        if (p == start || p >= end || b[p] != ' ') {
            throw new MarketDataException(
                    names[fileIndex] + ":" + line,
                    (start == end ? "empty line" : "malformed line") + ": expected '<local timestamp ns> <json>'");
        }
        if (ts < lastLocalTs) {
            if (firstLineOfFile) {
                throw new MarketDataException(
                        names[fileIndex] + ":" + line,
                        "files out of order: " + names[fileIndex]
                                + " starts at local time " + ts + ", before the last line of the file given before it, "
                                + (fileIndex == 0 ? previousName : names[fileIndex - 1]) + " (" + lastLocalTs
                                + "); give the files in time order");
            }
            throw new MarketDataException(
                    names[fileIndex] + ":" + line,
                    "local timestamp goes backwards: " + ts + " after " + lastLocalTs + " on the line before");
        }
        firstLineOfFile = false;
        lastLocalTs = ts;
        json.reset(b, start, p + 1, end, names[fileIndex], line);
        parseMessage(ts, line);
    }

    private void parseMessage(long localTs, long line) throws MarketDataException {
        int msgStart = batch.size();
        if (!json.beginObject()) {
            throw json.invalid("empty JSON object: expected a stream message or a depth snapshot");
        }
        int kind = 0;
        int dataPos = -1;
        boolean dataParsed = false;
        boolean hasSnapshotId = false;
        boolean hasBids = false;
        boolean hasAsks = false;
        boolean errorResponse = false;
        long snapshotLastUpdateId = 0;
        long snapshotE = Long.MIN_VALUE;
        long snapshotT = Long.MIN_VALUE;
        do {
            int key = json.readKey();
            switch (key) {
                case JsonScanner.K_STREAM -> {
                    json.readString("stream");
                    kind = classifyStream();
                }
                case JsonScanner.K_DATA -> {
                    if (dataPos >= 0) {
                        throw json.invalid("\"data\" appears twice");
                    }
                    dataPos = json.position();
                    if (kind != 0) {
                        parseData(kind, line);
                        dataParsed = true;
                    } else {
                        json.skipValue();
                    }
                }
                case JsonScanner.K_LAST_UPDATE_ID -> {
                    snapshotLastUpdateId = json.readLong("lastUpdateId");
                    hasSnapshotId = true;
                }
                case JsonScanner.K_BIDS -> {
                    parseSnapshotSide(true, line);
                    hasBids = true;
                }
                case JsonScanner.K_ASKS -> {
                    parseSnapshotSide(false, line);
                    hasAsks = true;
                }
                case 'E' -> snapshotE = json.readLong("E");
                case 'T' -> snapshotT = json.readLong("T");
                case JsonScanner.K_CODE, JsonScanner.K_MSG -> {
                    errorResponse = true;
                    json.skipValue();
                }
                default -> json.skipValue();
            }
        } while (json.nextMember());
        json.expectEnd();

        boolean streamMessage = kind != 0 || dataPos >= 0;
        boolean snapshotMessage = hasSnapshotId || hasBids || hasAsks;
        if (streamMessage && !snapshotMessage && kind != 0 && dataPos >= 0) {
            if (!dataParsed) {
                int after = json.position();
                json.seek(dataPos);
                parseData(kind, line);
                json.seek(after);
            }
            switch (kind) {
                case DEPTH -> onDiff(msgStart, localTs, line);
                case TRADE -> onTrade(msgStart, localTs, line);
                default -> onBookTicker(msgStart, localTs, line);
            }
        } else if (snapshotMessage && !streamMessage && hasSnapshotId && hasBids && hasAsks) {
            sync.onSnapshot(
                    batch, msgStart, snapshotLastUpdateId, exchangeTime(snapshotE, snapshotT, localTs), localTs);
        } else if (errorResponse) {
            throw json.invalid(
                    "the line is an error response from the exchange (it has \"code\"/\"msg\"), " + "not market data");
        } else if (streamMessage) {
            throw json.invalid("stream message without " + (kind == 0 ? "\"stream\"" : "\"data\""));
        } else if (snapshotMessage) {
            throw json.invalid("depth snapshot without "
                    + (!hasSnapshotId ? "\"lastUpdateId\"" : !hasBids ? "\"bids\"" : "\"asks\""));
        } else {
            throw json.invalid("unrecognised message: neither a stream message {\"stream\":..,\"data\":..} "
                    + "nor a depth snapshot {\"lastUpdateId\":..,\"bids\":..,\"asks\":..}");
        }
    }

    /** Classifies the stream name just read, and checks that it is for this reader's instrument. */
    private int classifyStream() throws MarketDataException {
        byte[] b = lines.buffer();
        int s = json.stringStart();
        int e = json.stringEnd();
        streamStart = s;
        streamEnd = e;
        int at = -1;
        for (int i = s; i < e; i++) {
            if (b[i] == '@') {
                at = i;
                break;
            }
        }
        int kind = 0;
        if (at > s) {
            int suffix = at + 1;
            if (regionEquals(b, suffix, e, TRADE_SUFFIX)) {
                kind = TRADE;
            } else if (regionEquals(b, suffix, e, BOOK_TICKER_SUFFIX)) {
                kind = BOOK_TICKER;
            } else if (isDepthDiffSuffix(b, suffix, e)) {
                kind = DEPTH;
            }
        }
        if (kind == 0) {
            throw json.invalid("unknown stream \"" + json.lastString()
                    + "\": expected <symbol>@depth, <symbol>@depth@<n>ms, <symbol>@trade or <symbol>@bookTicker");
        }
        int len = at - s;
        if (symbolLength < 0) {
            if (len > symbol.length) {
                throw json.invalid("stream name \"" + json.lastString() + "\" has an implausibly long symbol");
            }
            System.arraycopy(b, s, symbol, 0, len);
            symbolLength = len;
        } else if (len != symbolLength || !regionEquals(b, s, at, symbol, symbolLength)) {
            throw json.invalid("stream \"" + json.lastString() + "\" is for another instrument than "
                    + new String(symbol, 0, symbolLength, StandardCharsets.UTF_8)
                    + ", which this feed started with: one reader replays one instrument");
        }
        return kind;
    }

    /** {@code depth}, or {@code depth@<digits>ms}; not the partial-book streams {@code depth5}, {@code depth20}. */
    private static boolean isDepthDiffSuffix(byte[] b, int from, int to) {
        int n = DEPTH_SUFFIX.length;
        if (to - from < n || !regionEquals(b, from, from + n, DEPTH_SUFFIX)) {
            return false;
        }
        int p = from + n;
        if (p == to) {
            return true;
        }
        if (b[p] != '@') {
            return false;
        }
        p++;
        int digitsStart = p;
        while (p < to && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p > digitsStart && to - p == 2 && b[p] == 'm' && b[p + 1] == 's';
    }

    // ---- data objects ------------------------------------------------------------------------------

    private void parseData(int kind, long line) throws MarketDataException {
        seen = 0;
        fNotMarket = false;
        if (!json.beginObject()) {
            throw json.invalid("empty \"data\" object in a " + streamName() + " message");
        }
        do {
            int key = json.readKey();
            switch (kind) {
                case DEPTH -> depthField(key, line);
                case TRADE -> tradeField(key);
                default -> bookTickerField(key);
            }
        } while (json.nextMember());
    }

    private void depthField(int key, long line) throws MarketDataException {
        switch (key) {
            case 'e' -> checkEventType(DEPTH_UPDATE);
            case 'E' -> {
                fE = json.readLong("E");
                seen |= F_E;
            }
            case 'T' -> {
                fT = json.readLong("T");
                seen |= F_T;
            }
            case 'U' -> {
                fFirst = json.readLong("U");
                seen |= F_FIRST;
            }
            case 'u' -> {
                fLast = json.readLong("u");
                seen |= F_LAST;
            }
            case JsonScanner.K_PU -> {
                fPrev = json.readLong("pu");
                seen |= F_PREV;
            }
            case 'b' -> {
                parseLevels(EventFlags.DEPTH_EVENT | EventFlags.BUY_EVENT, line);
                seen |= F_BIDS;
            }
            case 'a' -> {
                parseLevels(EventFlags.DEPTH_EVENT | EventFlags.SELL_EVENT, line);
                seen |= F_ASKS;
            }
            default -> json.skipValue();
        }
    }

    private void tradeField(int key) throws MarketDataException {
        switch (key) {
            case 'e' -> checkEventType(TRADE_SUFFIX);
            case 'E' -> {
                fE = json.readLong("E");
                seen |= F_E;
            }
            case 'T' -> {
                fT = json.readLong("T");
                seen |= F_T;
            }
            case 't' -> {
                fTradeId = json.readLong("t");
                seen |= F_TRADE_ID;
            }
            case 'p' -> {
                fPrice = readPrice();
                seen |= F_PRICE;
            }
            case 'q' -> {
                fQty = json.readDecimalString("quantity");
                if (!(fQty > 0.0) || fQty == Double.POSITIVE_INFINITY) {
                    throw json.invalid(
                            "bad quantity \"" + json.lastString() + "\": a trade's quantity must be positive");
                }
                seen |= F_QTY;
            }
            case 'm' -> {
                fMaker = json.readBoolean("m");
                seen |= F_MAKER;
            }
            case 'X' -> {
                json.readString("X");
                fNotMarket = !json.stringEquals(MARKET);
            }
            default -> json.skipValue();
        }
    }

    private void bookTickerField(int key) throws MarketDataException {
        switch (key) {
            case 'e' -> checkEventType(BOOK_TICKER_SUFFIX);
            case 'E' -> {
                fE = json.readLong("E");
                seen |= F_E;
            }
            case 'T' -> {
                fT = json.readLong("T");
                seen |= F_T;
            }
            case 'u' -> {
                fLast = json.readLong("u");
                seen |= F_LAST;
            }
            case 'b' -> {
                fBidPx = readPrice();
                seen |= F_BID_PX;
            }
            case 'B' -> {
                fBidQty = readQuantity();
                seen |= F_BID_QTY;
            }
            case 'a' -> {
                fAskPx = readPrice();
                seen |= F_ASK_PX;
            }
            case 'A' -> {
                fAskQty = readQuantity();
                seen |= F_ASK_QTY;
            }
            default -> json.skipValue();
        }
    }

    private void checkEventType(byte[] expected) throws MarketDataException {
        json.readString("e");
        if (!json.stringEquals(expected)) {
            throw json.invalid("event type \"" + json.lastString() + "\" in a " + streamName()
                    + " message, which carries \"" + new String(expected, StandardCharsets.US_ASCII)
                    + "\" events");
        }
    }

    private void parseLevels(long flags, long line) throws MarketDataException {
        if (!json.beginArray()) {
            return;
        }
        do {
            json.expect('[');
            double price = readPrice();
            json.expect(',');
            double qty = readQuantity();
            json.expect(']');
            batch.add(flags, price, qty, fileIndex, line);
        } while (json.nextElement());
    }

    /** Snapshot side: a clear row through the furthest level (NaN when none), then the levels. */
    private void parseSnapshotSide(boolean bid, long line) throws MarketDataException {
        long side = bid ? EventFlags.BUY_EVENT : EventFlags.SELL_EVENT;
        int clearRow = batch.add(EventFlags.DEPTH_CLEAR_EVENT | side, Double.NaN, 0.0, fileIndex, line);
        int first = batch.size();
        parseLevels(EventFlags.DEPTH_SNAPSHOT_EVENT | side, line);
        double furthest = Double.NaN;
        for (int i = first; i < batch.size(); i++) {
            double px = batch.px(i);
            if (Double.isNaN(furthest) || (bid ? px < furthest : px > furthest)) {
                furthest = px;
            }
        }
        batch.setPx(clearRow, furthest);
    }

    private double readPrice() throws MarketDataException {
        double price = json.readDecimalString("price");
        if (!(price > 0.0) || price == Double.POSITIVE_INFINITY) {
            throw json.invalid("bad price \"" + json.lastString() + "\": must be a positive decimal");
        }
        return price;
    }

    private double readQuantity() throws MarketDataException {
        double qty = json.readDecimalString("quantity");
        if (!(qty >= 0.0) || qty == Double.POSITIVE_INFINITY) {
            throw json.invalid("bad quantity \"" + json.lastString() + "\": must be a non-negative decimal");
        }
        return qty;
    }

    private void require(int fields, String kind, String names) throws MarketDataException {
        if ((seen & fields) != fields) {
            throw json.invalid(kind + " message lacks a field it must have (" + names + ")");
        }
    }

    private long exchangeTime(long e, long t, long localTs) throws MarketDataException {
        long ms = t != Long.MIN_VALUE ? t : e;
        if (ms == Long.MIN_VALUE) {
            return lastExchTs != Long.MIN_VALUE ? lastExchTs : localTs;
        }
        if (ms < 0 || ms > MAX_MS) {
            throw json.invalid("exchange time " + ms + " ms is out of range");
        }
        lastExchTs = ms * NS_PER_MS;
        return lastExchTs;
    }

    private long dataExchangeTime(long localTs) throws MarketDataException {
        return exchangeTime((seen & F_E) != 0 ? fE : Long.MIN_VALUE, (seen & F_T) != 0 ? fT : Long.MIN_VALUE, localTs);
    }

    // ---- message actions ---------------------------------------------------------------------------

    private void onTrade(int msgStart, long localTs, long line) throws MarketDataException {
        require(F_PRICE | F_QTY | F_MAKER | F_TRADE_ID, "trade", "\"t\", \"p\", \"q\", \"m\"");
        long exch = dataExchangeTime(localTs);
        if (fNotMarket) {
            statTradesSkipped++;
            return;
        }
        long side = fMaker ? EventFlags.SELL_EVENT : EventFlags.BUY_EVENT;
        batch.add(EventFlags.TRADE_EVENT | side, fPrice, fQty, fileIndex, line);
        batch.stamp(msgStart, EventFlags.LOCAL_EVENT, exch, localTs, fTradeId);
        statTrades++;
    }

    private void onBookTicker(int msgStart, long localTs, long line) throws MarketDataException {
        require(
                F_LAST | F_BID_PX | F_BID_QTY | F_ASK_PX | F_ASK_QTY,
                "bookTicker",
                "\"u\", \"b\", \"B\", \"a\", \"A\"");
        long exch = dataExchangeTime(localTs);
        batch.add(EventFlags.DEPTH_BBO_EVENT | EventFlags.BUY_EVENT, fBidPx, fBidQty, fileIndex, line);
        batch.add(EventFlags.DEPTH_BBO_EVENT | EventFlags.SELL_EVENT, fAskPx, fAskQty, fileIndex, line);
        batch.stamp(msgStart, EventFlags.LOCAL_EVENT, exch, localTs, fLast);
        statBookTickers++;
    }

    private void onDiff(int msgStart, long localTs, long line) throws MarketDataException {
        require(F_FIRST | F_LAST | F_BIDS | F_ASKS, "depthUpdate", "\"U\", \"u\", \"b\", \"a\"");
        if ((seen & (F_E | F_T)) == 0) {
            throw json.invalid("depthUpdate message lacks an exchange time (\"E\" or \"T\")");
        }
        long exch = dataExchangeTime(localTs);
        long prev = (seen & F_PREV) != 0 ? fPrev : DiffBuffer.NO_PREV_ID;
        sync.onDiff(batch, msgStart, fFirst, fLast, prev, exch, localTs, fileIndex, line);
    }

    private String streamName() {
        return new String(lines.buffer(), streamStart, streamEnd - streamStart, StandardCharsets.UTF_8);
    }

    private static boolean regionEquals(byte[] b, int from, int to, byte[] ascii) {
        return to - from == ascii.length && regionEquals(b, from, to, ascii, ascii.length);
    }

    private static boolean regionEquals(byte[] b, int from, int to, byte[] other, int otherLength) {
        if (to - from != otherLength) {
            return false;
        }
        for (int i = 0; i < otherLength; i++) {
            if (b[from + i] != other[i]) {
                return false;
            }
        }
        return true;
    }
}
