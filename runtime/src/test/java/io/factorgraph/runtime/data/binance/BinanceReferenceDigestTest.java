package io.factorgraph.runtime.data.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's events, bit for bit, against an independent Python implementation of the same rules
 * ({@code src/test/resources/binance/reference_convert.py}, which wrote {@code reference-digests.txt}):
 * SHA-256 over every event in hftbacktest's 64-byte little-endian layout, for every recorded feed.
 */
class BinanceReferenceDigestTest {
    static Stream<String> digests() throws IOException {
        try (InputStream in = BinanceReferenceDigestTest.class.getResourceAsStream("/binance/reference-digests.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("digests")
    void eventsMatchThePythonReference(String line) throws MarketDataException, NoSuchAlgorithmException {
        String[] parts = line.split(" ");
        List<String> names = List.of(parts[0].split("\\+"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer row = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        long count = 0;
        try (BinanceFeedReader reader = BinanceFeedReader.open(RecordedData.files(names.toArray(String[]::new)))) {
            MarketEvent e = reader.event();
            while (reader.next()) {
                row.clear();
                row.putLong(e.ev())
                        .putLong(e.exchTs())
                        .putLong(e.localTs())
                        .putDouble(e.px())
                        .putDouble(e.qty())
                        .putLong(e.orderId())
                        .putLong(e.ival())
                        .putDouble(e.fval());
                sha.update(row.array());
                count++;
            }
        }
        assertEquals(Long.parseLong(parts[1]), count, "event count for " + parts[0]);
        assertEquals(parts[2], HexFormat.of().formatHex(sha.digest()), "event digest for " + parts[0]);
    }
}
