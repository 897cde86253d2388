package io.factorgraph.runtime.data.npz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * A deliberately naive reference for the {@code .npz} export, written from hftbacktest's documented behaviour
 * (its {@code binancefutures.convert}, {@code correct_local_timestamp} and {@code correct_event_order}) and
 * sharing nothing with the code under test: a general JSON parser into maps and lists, rows as records, boxed
 * stable sorts and the row-by-row merge. Slow and memory-hungry, which is fine for a six-minute file.
 */
final class HftbacktestReference {
    static final long DEPTH = 1;
    static final long TRADE = 2;
    static final long CLEAR = 3;
    static final long SNAPSHOT = 4;
    static final long EXCH = 1L << 31;
    static final long LOCAL = 1L << 30;
    static final long BUY = 1L << 29;
    static final long SELL = 1L << 28;

    record Row(long ev, long exchTs, long localTs, double px, double qty, long orderId, long ival, double fval) {
        Row withEv(long flags) {
            return new Row(ev | flags, exchTs, localTs, px, qty, orderId, ival, fval);
        }

        Row shifted(long ns) {
            return new Row(ev, exchTs, localTs + ns, px, qty, orderId, ival, fval);
        }
    }

    private HftbacktestReference() {}

    /** The rows before correction, in file order. */
    static List<Row> rawRows(Path gz, boolean bookTicker) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                int space = line.indexOf(' ');
                long local = Long.parseLong(line.substring(0, space));
                Map<?, ?> message = (Map<?, ?>) new Json(line.substring(space + 1)).value();
                Map<?, ?> data = (Map<?, ?>) message.get("data");
                if (data == null) {
                    long exch = ms(message.get("T"));
                    side(rows, (List<?>) message.get("bids"), BUY, exch, local);
                    side(rows, (List<?>) message.get("asks"), SELL, exch, local);
                    continue;
                }
                Object e = data.get("e");
                long exch = ms(data.get("T"));
                if ("depthUpdate".equals(e)) {
                    for (Object level : (List<?>) data.get("b")) {
                        rows.add(row(DEPTH | BUY, exch, local, level));
                    }
                    for (Object level : (List<?>) data.get("a")) {
                        rows.add(row(DEPTH | SELL, exch, local, level));
                    }
                } else if ("trade".equals(e) && (!data.containsKey("X") || "MARKET".equals(data.get("X")))) {
                    long side = Boolean.TRUE.equals(data.get("m")) ? SELL : BUY;
                    rows.add(new Row(
                            TRADE | side,
                            exch,
                            local,
                            Double.parseDouble((String) data.get("p")),
                            Double.parseDouble((String) data.get("q")),
                            0,
                            0,
                            0.0));
                } else if ("bookTicker".equals(e) && bookTicker) {
                    rows.add(new Row(
                            103,
                            exch,
                            local,
                            Double.parseDouble((String) data.get("b")),
                            Double.parseDouble((String) data.get("B")),
                            0,
                            0,
                            0.0));
                    rows.add(new Row(
                            104,
                            exch,
                            local,
                            Double.parseDouble((String) data.get("a")),
                            Double.parseDouble((String) data.get("A")),
                            0,
                            0,
                            0.0));
                }
            }
        }
        return rows;
    }

    /** The largest {@code exch_ts - local_ts}, when positive: how far local time must move. */
    static long localShift(List<Row> rows) {
        long min = Long.MAX_VALUE;
        for (Row r : rows) {
            min = Math.min(min, r.localTs() - r.exchTs());
        }
        return min < 0 ? -min : 0;
    }

    /** The rows after both corrections, row by row as hftbacktest's {@code correct_event_order} runs. */
    static List<Row> corrected(List<Row> raw) {
        long shift = localShift(raw);
        List<Row> data = raw.stream().map(r -> r.shifted(shift)).toList();
        int n = data.size();
        List<Integer> byExch = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        byExch.sort(Comparator.comparingLong(i -> data.get(i).exchTs())); // List.sort is stable
        List<Integer> byLocal = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        byLocal.sort(Comparator.comparingLong(i -> data.get(i).localTs()));
        List<Row> out = new ArrayList<>(n + n / 8);
        int x = 0;
        int l = 0;
        while (x < n || l < n) {
            Row ex = x < n ? data.get(byExch.get(x)) : null;
            Row lo = l < n ? data.get(byLocal.get(l)) : null;
            if (ex != null && lo != null && ex.exchTs() == lo.exchTs() && ex.localTs() == lo.localTs()) {
                out.add(ex.withEv(EXCH | LOCAL));
                x++;
                l++;
            } else if (ex != null
                    && (lo == null
                            || ex.exchTs() < lo.exchTs()
                            || (ex.exchTs() == lo.exchTs() && ex.localTs() < lo.localTs()))) {
                out.add(ex.withEv(EXCH));
                x++;
            } else {
                out.add(lo.withEv(LOCAL));
                l++;
            }
        }
        return out;
    }

    private static void side(List<Row> rows, List<?> levels, long side, long exch, long local) {
        if (levels.isEmpty()) {
            return;
        }
        List<?> furthest = (List<?>) levels.get(levels.size() - 1);
        rows.add(new Row(CLEAR | side, exch, local, Double.parseDouble((String) furthest.get(0)), 0.0, 0, 0, 0.0));
        for (Object level : levels) {
            rows.add(row(SNAPSHOT | side, exch, local, level));
        }
    }

    private static Row row(long ev, long exch, long local, Object level) {
        List<?> pair = (List<?>) level;
        return new Row(
                ev,
                exch,
                local,
                Double.parseDouble((String) pair.get(0)),
                Double.parseDouble((String) pair.get(1)),
                0,
                0,
                0.0);
    }

    private static long ms(Object value) {
        return Long.parseLong(value.toString()) * 1_000_000L;
    }

    /** JSON into maps, lists, strings, booleans, null and numbers (kept as their text). */
    private static final class Json {
        private final String s;
        private int p;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(p);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                p++;
                skip();
                if (s.charAt(p) == '}') {
                    p++;
                    return map;
                }
                do {
                    skip();
                    String key = (String) value();
                    skip();
                    p++; // ':'
                    map.put(key, value());
                    skip();
                } while (s.charAt(p++) == ',');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                p++;
                skip();
                if (s.charAt(p) == ']') {
                    p++;
                    return list;
                }
                do {
                    list.add(value());
                    skip();
                } while (s.charAt(p++) == ',');
                return list;
            }
            if (c == '"') {
                int end = s.indexOf('"', p + 1);
                String text = s.substring(p + 1, end);
                p = end + 1;
                return text;
            }
            int start = p;
            while (p < s.length() && ",}] ".indexOf(s.charAt(p)) < 0) {
                p++;
            }
            String word = s.substring(start, p);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> word;
            };
        }

        private void skip() {
            while (p < s.length() && s.charAt(p) == ' ') {
                p++;
            }
        }
    }
}
