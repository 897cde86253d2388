package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.column.LongColumn;
import io.factorgraph.runtime.data.MarketDataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Order latencies interpolated from recorded requests, as hftbacktest's {@code IntpOrderLatency} does.
 *
 * <h2>The latency file</h2>
 * A text file (UTF-8), one recorded request a line, three integers separated by commas:
 * <pre>
 * # optional comment lines start with '#'; blank lines are skipped
 * req_ts,exch_ts,resp_ts
 * 1723161300000000000,1723161300004100000,1723161300008900000
 * 1723161301000000000,1723161301003800000,1723161301007700000
 * </pre>
 * {@code req_ts} is when the request was sent and {@code resp_ts} when its response arrived, both on the local clock;
 * {@code exch_ts} is when the exchange processed it, on the same clock as the simulator's (corrected) exchange
 * timeline; all in nanoseconds since the epoch. The header line is optional. Rows must be in {@code req_ts} order
 * (equal times are allowed), and every latency must be non-negative: {@code req_ts <= exch_ts <= resp_ts}. A row
 * breaking a rule is an error naming the file and line (hftbacktest's convention that {@code exch_ts <= 0} marks a
 * request the exchange dropped is not modelled here, and such a row is refused rather than misread).
 *
 * <h2>Interpolation</h2>
 * The entry latency of a request sent at local time {@code t} is interpolated linearly in {@code t} between the
 * {@code exch_ts - req_ts} of the rows around it by {@code req_ts}; the response latency of a report sent at
 * exchange time {@code x} between the {@code resp_ts - exch_ts} of the rows around it by {@code exch_ts}. The
 * interpolated increment is truncated toward zero to whole nanoseconds; before the first row and after the last
 * the nearest row's latency holds. Lookups are binary searches over arrays loaded once: no state, no allocation.
 */
public final class InterpolatedLatency implements LatencyModel {
    private static final String HEADER = "req_ts,exch_ts,resp_ts";

    private final long[] reqTs;
    private final long[] entryLatency;
    private final long[] exchTs;
    private final long[] responseLatency;

    private InterpolatedLatency(long[] req, long[] exch, long[] resp) {
        int n = req.length;
        this.reqTs = req.clone();
        this.entryLatency = new long[n];
        for (int i = 0; i < n; i++) {
            entryLatency[i] = exch[i] - req[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> exch[i])); // stable
        this.exchTs = new long[n];
        this.responseLatency = new long[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            exchTs[k] = exch[i];
            responseLatency[k] = resp[i] - exch[i];
        }
    }

    /**
     * A model from rows given in memory (the three arrays are one row per index), under the rules of the file.
     *
     * @throws IllegalArgumentException naming the first row that breaks a rule
     */
    public static InterpolatedLatency of(long[] reqTs, long[] exchTs, long[] respTs) {
        if (reqTs.length != exchTs.length || reqTs.length != respTs.length) {
            throw new IllegalArgumentException("req_ts, exch_ts and resp_ts must have one value per row: lengths "
                    + reqTs.length + ", " + exchTs.length + ", " + respTs.length);
        }
        if (reqTs.length == 0) {
            throw new IllegalArgumentException("no latency rows: at least one req_ts,exch_ts,resp_ts row is needed");
        }
        for (int i = 0; i < reqTs.length; i++) {
            String problem = problem(reqTs[i], exchTs[i], respTs[i], i == 0 ? Long.MIN_VALUE : reqTs[i - 1]);
            if (problem != null) {
                throw new IllegalArgumentException("latency row " + i + ": " + problem);
            }
        }
        return new InterpolatedLatency(reqTs, exchTs, respTs);
    }

    /**
     * Reads a latency file (see the class comment).
     *
     * @throws MarketDataException whose message starts with {@code file:line} for a bad row, or the file for a file
     *     that cannot be read or holds no row
     */
    public static InterpolatedLatency load(Path file) throws MarketDataException {
        String name = String.valueOf(file.getFileName());
        LongColumn req = new LongColumn(1024);
        LongColumn exch = new LongColumn(1024);
        LongColumn resp = new LongColumn(1024);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            boolean seenData = false;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String where = name + ":" + lineNo;
                if (!seenData && s.replace(" ", "").equalsIgnoreCase(HEADER)) {
                    seenData = true;
                    continue;
                }
                seenData = true;
                String[] fields = s.split(",", -1);
                if (fields.length != 3) {
                    throw new MarketDataException(
                            where,
                            "expected 3 comma-separated integers " + HEADER + " (ns), found " + fields.length + " field"
                                    + (fields.length == 1 ? "" : "s") + ": '" + s + "'");
                }
                long r = parseLong(where, "req_ts", fields[0]);
                long x = parseLong(where, "exch_ts", fields[1]);
                long p = parseLong(where, "resp_ts", fields[2]);
                String problem = problem(r, x, p, req.isEmpty() ? Long.MIN_VALUE : req.last());
                if (problem != null) {
                    throw new MarketDataException(where, problem);
                }
                req.add(r);
                exch.add(x);
                resp.add(p);
            }
        } catch (NoSuchFileException e) {
            throw new MarketDataException(name, "cannot open latency file: no such file: " + file);
        } catch (IOException e) {
            throw new MarketDataException(name, "cannot read latency file: " + e.getMessage(), e);
        }
        if (req.isEmpty()) {
            throw new MarketDataException(name, "no latency rows: expected lines of " + HEADER + " (ns)");
        }
        return new InterpolatedLatency(req.toArray(), exch.toArray(), resp.toArray());
    }

    private static long parseLong(String where, String field, String text) throws MarketDataException {
        String s = text.strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new MarketDataException(
                    where, field + " '" + s + "' is not an integer (nanoseconds since the epoch)");
        }
    }

    /** What is wrong with a row, or null. */
    private static String problem(long req, long exch, long resp, long previousReq) {
        if (exch <= 0) {
            return "exch_ts must be > 0, was " + exch
                    + " (rows marking requests the exchange dropped are not supported)";
        }
        if (exch < req) {
            return "negative entry latency: exch_ts " + exch + " < req_ts " + req + " (" + (exch - req)
                    + " ns); are the exchange and local times on one clock?";
        }
        if (resp < exch) {
            return "negative response latency: resp_ts " + resp + " < exch_ts " + exch + " (" + (resp - exch) + " ns)";
        }
        if (req < previousReq) {
            return "rows out of order: req_ts " + req + " is before the previous row's " + previousReq
                    + "; sort the file by req_ts";
        }
        return null;
    }

    /** Number of rows. */
    public int rows() {
        return reqTs.length;
    }

    @Override
    public long entry(long localTime) {
        return interpolate(reqTs, entryLatency, localTime);
    }

    @Override
    public long response(long exchTime) {
        return interpolate(exchTs, responseLatency, exchTime);
    }

    private static long interpolate(long[] x, long[] y, long t) {
        int n = x.length;
        if (t < x[0]) {
            return y[0];
        }
        // the last index with x[i] <= t
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (x[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo == n - 1) {
            return y[lo];
        }
        long x1 = x[lo];
        long x2 = x[lo + 1]; // > t >= x1
        long y1 = y[lo];
        long y2 = y[lo + 1];
        return y1 + (long) ((double) (y2 - y1) * (double) (t - x1) / (double) (x2 - x1));
    }

    @Override
    public String toString() {
        return "InterpolatedLatency[" + reqTs.length + " rows]";
    }
}
