package io.factorgraph.venue.binance;

import io.factorgraph.live.connector.LiveMarketData;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.SequenceGap;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * One symbol's live market data from Binance USD-M futures, as an {@link EventSource}: the combined stream ({@code
 * @depth@0ms}, {@code @trade}, {@code @bookTicker}) and the REST depth snapshot are turned into lines of the recorded
 * format ({@code <local receive time, ns> <message>}, the message verbatim) and read by the recorded files' own parser
 * and book synchronisation ({@link BinanceFeedReader} with {@link GapPolicy#RESYNC}): Binance's procedure (buffer the
 * diffs, take a snapshot, drop {@code u < lastUpdateId}, then {@code pu} continuity) is that code's, not a second copy.
 *
 * <p>The snapshot is fetched when the stream opens, and again whenever the reader reports a gap (a lost message, a
 * reconnect): the reader clears the book, buffers, and re-syncs on it. A dropped connection is reconnected with
 * exponential back-off; a connection is renewed before Binance's 24-hour limit ends it, and one silent for the stale
 * limit is taken for dead (the JDK client answers the server's pings itself). Every line can be recorded to a gzip
 * file of the recorded format, which {@code fg run} reads like any recording.
 *
 * <p>The reader runs on a thread of its own and hands each event over through a ring of primitive fields (nothing is
 * allocated per event), so that {@link #ready()} can say whether {@link #next()} would wait; {@link #next()} waits for
 * the next event when called regardless. The end of the data is {@link #stop()}.
 */
public final class BinanceMarketData implements LiveMarketData {
    /** Depth levels of the snapshot, as the recorder took them. */
    static final int SNAPSHOT_LEVELS = 1000;

    /**
     * @param reconnectMinNanos the first back-off after a drop (doubled per failure)
     * @param reconnectMaxNanos the longest back-off
     * @param renewNanos a connection older than this is replaced (Binance ends them at 24 hours)
     * @param staleNanos a connection silent this long is taken for dead
     */
    public record Settings(long reconnectMinNanos, long reconnectMaxNanos, long renewNanos, long staleNanos) {
        public static final Settings DEFAULTS = new Settings(
                100_000_000L,
                30_000_000_000L,
                Duration.ofHours(23).plusMinutes(50).toNanos(),
                Duration.ofSeconds(30).toNanos());
    }

    private final BinanceEndpoints endpoints;
    private final String symbol;
    private final HttpClient http;
    private final BinanceRest rest;
    private final Settings settings;
    private final Consumer<String> log;
    private final LineQueue lines = new LineQueue();
    private final BinanceFeedReader reader;
    private final Writer recording;
    private final ScheduledExecutorService scheduler;
    private final long epochAnchorNanos;
    private final long nanoAnchor;

    private static final int RING = 1 << 15;

    private final MarketEvent event = new MarketEvent();
    private final long[] rEv = new long[RING];
    private final long[] rExch = new long[RING];
    private final long[] rLocal = new long[RING];
    private final double[] rPx = new double[RING];
    private final double[] rQty = new double[RING];
    private final long[] rOid = new long[RING];
    private final long[] rIval = new long[RING];
    private final double[] rFval = new double[RING];
    private final boolean[] rEom = new boolean[RING];
    /** Events put in the ring (by the reader's thread) and taken from it (by the caller's). */
    private final AtomicLong published = new AtomicLong();

    private final AtomicLong consumedShared = new AtomicLong();
    private long consumed;
    private final Thread pumpThread;
    private volatile boolean pumpEnded;
    private volatile boolean readerClosed;
    private volatile MarketDataException pumpError;
    private volatile List<SequenceGap> gapList = List.of();

    private long lastStamp;
    private volatile int gapsSeen;
    private volatile boolean closed;
    private volatile WebSocket socket;
    private volatile Listener listener;
    private volatile long connectedAtNanos;
    private volatile long lastMessageNanos;
    private volatile int failures;
    private volatile boolean snapshotInFlight;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();

    /**
     * Opens the stream (the first connection is made now).
     *
     * @param record a file to record every line to (gzip), or null
     */
    public BinanceMarketData(
            BinanceEndpoints endpoints,
            String symbol,
            HttpClient http,
            BinanceRest rest,
            Settings settings,
            Path record,
            Consumer<String> log)
            throws MarketDataException {
        this.endpoints = endpoints;
        this.symbol = symbol.toUpperCase(java.util.Locale.ROOT);
        this.http = http;
        this.rest = rest;
        this.settings = settings;
        this.log = log;
        this.epochAnchorNanos = System.currentTimeMillis() * 1_000_000L;
        this.nanoAnchor = System.nanoTime();
        try {
            this.recording = record == null
                    ? null
                    : new BufferedWriter(new OutputStreamWriter(
                            new GZIPOutputStream(Files.newOutputStream(record), 1 << 16), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MarketDataException(String.valueOf(record), "cannot record to it: " + e.getMessage(), e);
        }
        this.reader = BinanceFeedReader.open("live " + endpoints.name() + " " + this.symbol, lines, GapPolicy.RESYNC);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "binance-market-data");
            t.setDaemon(true);
            return t;
        });
        this.pumpThread = new Thread(this::pump, "binance-feed-reader");
        pumpThread.setDaemon(true);
        pumpThread.start();
        scheduler.execute(this::connect);
        long check = Math.max(1_000_000L, Math.min(settings.staleNanos(), settings.renewNanos()) / 4);
        scheduler.scheduleWithFixedDelay(this::watch, check, check, TimeUnit.NANOSECONDS);
    }

    /** The symbol, upper case as the REST API takes it. */
    public String symbol() {
        return symbol;
    }

    @Override
    public boolean ready() {
        return consumed != published.get() || pumpEnded;
    }

    @Override
    public boolean next() throws MarketDataException {
        while (consumed == published.get()) {
            if (pumpEnded && consumed == published.get()) {
                if (pumpError != null) {
                    throw pumpError;
                }
                return false;
            }
            LockSupport.parkNanos(20_000L);
        }
        int i = (int) (consumed & (RING - 1));
        event.set(rEv[i], rExch[i], rLocal[i], rPx[i], rQty[i], rOid[i], rIval[i], rFval[i], rEom[i]);
        consumed++;
        consumedShared.setRelease(consumed);
        return true;
    }

    /** The reader's thread: parses the lines as they come and puts each event in the ring. */
    private void pump() {
        try {
            MarketEvent e = reader.event();
            while (true) {
                boolean more = reader.next();
                int gaps = reader.gapCount();
                if (gaps != gapsSeen) {
                    gapsSeen = gaps;
                    gapList = List.copyOf(reader.gaps());
                    log.accept("depth sequence gap (" + gaps + " so far): re-syncing from a new snapshot");
                    requestSnapshot();
                }
                if (!more) {
                    break;
                }
                long seq = published.get();
                while (seq - consumedShared.getAcquire() >= RING) {
                    if (readerClosed) {
                        return;
                    }
                    LockSupport.parkNanos(50_000L); // the consumer is behind: the lines wait in their queue
                }
                int i = (int) (seq & (RING - 1));
                rEv[i] = e.ev();
                rExch[i] = e.exchTs();
                rLocal[i] = e.localTs();
                rPx[i] = e.px();
                rQty[i] = e.qty();
                rOid[i] = e.orderId();
                rIval[i] = e.ival();
                rFval[i] = e.fval();
                rEom[i] = e.endOfMessage();
                published.setRelease(seq + 1);
            }
        } catch (MarketDataException ex) {
            pumpError = ex;
        } catch (RuntimeException ex) {
            pumpError = new MarketDataException(reader.position(), "live feed: " + ex, ex);
        } finally {
            pumpEnded = true;
        }
    }

    @Override
    public MarketEvent event() {
        return event;
    }

    @Override
    public String position() {
        return "live " + endpoints.name() + " " + symbol;
    }

    @Override
    public int gapCount() {
        return gapsSeen;
    }

    @Override
    public List<SequenceGap> gaps() {
        return gapList;
    }

    /** Connections made so far (1 without a drop). */
    public long connections() {
        return connections.get();
    }

    /** Snapshots received so far. */
    public long snapshots() {
        return snapshots.get();
    }

    /** Stream messages received so far. */
    public long messages() {
        return messages.get();
    }

    /** Ends the data: no more connections; what was received is still read, then {@link #next()} returns false. */
    public void stop() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        WebSocket s = socket;
        if (s != null) {
            s.abort();
        }
        synchronized (this) {
            lines.close();
            if (recording != null) {
                try {
                    recording.close();
                } catch (IOException e) {
                    log.accept("recording: cannot finish the file: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        stop();
        readerClosed = true;
        try {
            pumpThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }

    /** Stamps a line with the local receive time (never going back) and hands it to the reader and the recording. */
    private synchronized void emit(String message) {
        if (closed) {
            return;
        }
        long now = epochAnchorNanos + (System.nanoTime() - nanoAnchor);
        long stamp = Math.max(now, lastStamp);
        lastStamp = stamp;
        String line = stamp + " " + message;
        lines.put(line);
        if (recording != null) {
            try {
                recording.write(line);
                recording.write('\n');
            } catch (IOException e) {
                log.accept("recording: cannot write: " + e.getMessage());
            }
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        URI uri = endpoints.marketStream(symbol);
        Listener l = new Listener();
        listener = l;
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, l)
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        log.accept("market stream: cannot connect to " + uri + ": " + rootMessage(error));
                        scheduleReconnect();
                        return;
                    }
                    socket = ws;
                    connectedAtNanos = System.nanoTime();
                    lastMessageNanos = connectedAtNanos;
                    failures = 0;
                    long n = connections.incrementAndGet();
                    log.accept("market stream connected (" + n + (n == 1 ? "st" : "th") + " connection): " + uri);
                    if (n == 1) {
                        requestSnapshot(); // the diffs meanwhile wait in the reader's buffer
                    }
                });
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        int f = failures++;
        long delay = Math.min(settings.reconnectMaxNanos(), settings.reconnectMinNanos() << Math.min(f, 20));
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Renews an old connection, drops a silent one. */
    private void watch() {
        WebSocket s = socket;
        if (s == null || closed) {
            return;
        }
        long now = System.nanoTime();
        if (now - connectedAtNanos > settings.renewNanos()) {
            log.accept("market stream: renewing the connection before the venue's 24-hour limit");
            drop(s);
        } else if (now - lastMessageNanos > settings.staleNanos()) {
            log.accept("market stream: silent for " + (now - lastMessageNanos) / 1_000_000 + " ms; reconnecting");
            drop(s);
        }
    }

    private void drop(WebSocket s) {
        Listener l = listener;
        if (socket == s && l != null && !l.retired) {
            l.retired = true;
            socket = null;
            s.abort();
            scheduleReconnect();
        }
    }

    /** Fetches a depth snapshot in the background (one at a time) and hands it to the reader. */
    void requestSnapshot() {
        if (closed || snapshotInFlight) {
            return;
        }
        snapshotInFlight = true;
        Thread.ofVirtual().name("binance-snapshot").start(() -> {
            try {
                for (int attempt = 0; !closed; attempt++) {
                    try {
                        String body = rest.depthSnapshot(symbol, SNAPSHOT_LEVELS);
                        emit(body.strip());
                        snapshots.incrementAndGet();
                        return;
                    } catch (BinanceException e) {
                        log.accept("depth snapshot: " + e.getMessage() + "; retrying");
                        Thread.sleep(Math.min(5_000L, 100L << Math.min(attempt, 6)));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                snapshotInFlight = false;
            }
        });
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        /** Replaced by a newer connection: nothing more of this one counts. */
        private volatile boolean retired;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!retired) {
                lastMessageNanos = System.nanoTime();
                if (last && partial.isEmpty()) {
                    emit(data.toString());
                    messages.incrementAndGet();
                } else {
                    partial.append(data);
                    if (last) {
                        emit(partial.toString());
                        partial.setLength(0);
                        messages.incrementAndGet();
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!closed && !retired) {
                retired = true;
                log.accept("market stream closed by the venue (" + statusCode + " " + reason + "); reconnecting");
                scheduleReconnect();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closed && !retired) {
                retired = true;
                log.accept("market stream error: " + rootMessage(error) + "; reconnecting");
                scheduleReconnect();
            }
        }
    }
}
