package io.factorgraph.venue.binance.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local server's own depth book, kept from the recorded snapshot and the diffs it sends (Binance's rules: a diff's
 * quantities replace the level's, "0" removes it), so that a snapshot asked for later reflects what was sent.
 */
final class ServerBook {
    private final TreeMap<BigDecimal, String> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, String> asks = new TreeMap<>();

    void load(JsonNode snapshot) {
        bids.clear();
        asks.clear();
        apply(bids, snapshot.path("bids"));
        apply(asks, snapshot.path("asks"));
    }

    void applyDiff(JsonNode data) {
        apply(bids, data.path("b"));
        apply(asks, data.path("a"));
    }

    private static void apply(TreeMap<BigDecimal, String> side, JsonNode levels) {
        for (JsonNode level : levels) {
            String px = level.get(0).asText();
            String qty = level.get(1).asText();
            BigDecimal key = new BigDecimal(px);
            if (new BigDecimal(qty).signum() == 0) {
                side.remove(key);
            } else {
                side.put(key, px + "\u0000" + qty);
            }
        }
    }

    ServerBook copy() {
        ServerBook c = new ServerBook();
        c.bids.putAll(bids);
        c.asks.putAll(asks);
        return c;
    }

    /** A REST depth answer ({@code lastUpdateId}, {@code E}, {@code T}, the levels as decimal strings). */
    String toSnapshot(long lastUpdateId, long e, long t, int limit) {
        StringBuilder b = new StringBuilder(64 * (bids.size() + asks.size()) + 100);
        b.append("{\"lastUpdateId\":")
                .append(lastUpdateId)
                .append(",\"E\":")
                .append(e)
                .append(",\"T\":")
                .append(t);
        b.append(",\"bids\":");
        levels(b, bids, limit);
        b.append(",\"asks\":");
        levels(b, asks, limit);
        return b.append('}').toString();
    }

    private static void levels(StringBuilder b, TreeMap<BigDecimal, String> side, int limit) {
        b.append('[');
        int n = 0;
        for (Map.Entry<BigDecimal, String> level : side.entrySet()) {
            if (n == limit) {
                break;
            }
            String v = level.getValue();
            int cut = v.indexOf('\u0000');
            b.append(n++ == 0 ? "" : ",")
                    .append("[\"")
                    .append(v, 0, cut)
                    .append("\",\"")
                    .append(v, cut + 1, v.length())
                    .append("\"]");
        }
        b.append(']');
    }

    int levels() {
        return bids.size() + asks.size();
    }
}
