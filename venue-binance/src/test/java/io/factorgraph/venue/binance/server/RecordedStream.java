package io.factorgraph.venue.binance.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A recorded file's messages as the local server sends them: every stream message verbatim, with its recorded local
 * time, its kind and (for depth diffs) its update ids; and the recorded REST snapshot.
 */
final class RecordedStream {
    static final int DEPTH = 0;
    static final int TRADE = 1;
    static final int BOOK_TICKER = 2;

    final String[] messages;
    final long[] localTs;
    final int[] kind;
    final long[] first;
    final long[] last;
    final long[] prev;
    final String snapshot;
    final long snapshotId;
    final String symbol;

    private RecordedStream(
            List<String> messages,
            List<Long> ts,
            List<Integer> kind,
            List<long[]> ids,
            String snapshot,
            long snapshotId,
            String symbol) {
        int n = messages.size();
        this.messages = messages.toArray(new String[0]);
        this.localTs = new long[n];
        this.kind = new int[n];
        this.first = new long[n];
        this.last = new long[n];
        this.prev = new long[n];
        for (int i = 0; i < n; i++) {
            localTs[i] = ts.get(i);
            this.kind[i] = kind.get(i);
            long[] id = ids.get(i);
            first[i] = id[0];
            last[i] = id[1];
            prev[i] = id[2];
        }
        this.snapshot = snapshot;
        this.snapshotId = snapshotId;
        this.symbol = symbol;
    }

    static RecordedStream load(Path file, ObjectMapper json) throws IOException {
        List<String> messages = new ArrayList<>();
        List<Long> ts = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        List<long[]> ids = new ArrayList<>();
        String snapshot = null;
        long snapshotId = -1;
        String symbol = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                int space = line.indexOf(' ');
                long t = Long.parseLong(line.substring(0, space));
                String message = line.substring(space + 1);
                if (!message.startsWith("{\"stream\"")) {
                    if (snapshot == null) {
                        snapshot = message;
                        snapshotId = json.readTree(message).path("lastUpdateId").asLong();
                    }
                    continue;
                }
                int at = message.indexOf('@');
                String stream = message.substring(11, message.indexOf('"', 11));
                if (symbol == null) {
                    symbol = message.substring(11, at).toUpperCase(java.util.Locale.ROOT);
                }
                int kind = stream.contains("@depth") ? DEPTH : stream.endsWith("@trade") ? TRADE : BOOK_TICKER;
                long[] id = {0, 0, 0};
                if (kind == DEPTH) {
                    JsonNode data = json.readTree(message).path("data");
                    id[0] = data.path("U").asLong();
                    id[1] = data.path("u").asLong();
                    id[2] = data.path("pu").asLong();
                }
                messages.add(message);
                ts.add(t);
                kinds.add(kind);
                ids.add(id);
            }
        }
        if (snapshot == null) {
            throw new IOException(file + ": no REST snapshot in the recording");
        }
        return new RecordedStream(messages, ts, kinds, ids, snapshot, snapshotId, symbol);
    }

    int size() {
        return messages.length;
    }
}
