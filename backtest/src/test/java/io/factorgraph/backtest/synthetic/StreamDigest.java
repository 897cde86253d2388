package io.factorgraph.backtest.synthetic;

import io.factorgraph.runtime.market.MarketEvent;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over every field of every event of a stream, to compare streams bit for bit. */
final class StreamDigest {
    private StreamDigest() {}

    record Result(long events, String sha256) {}

    static Result of(SyntheticMarket market) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(65);
        MarketEvent e = market.event();
        long events = 0;
        while (market.next()) {
            buffer.clear();
            buffer.putLong(e.ev())
                    .putLong(e.exchTs())
                    .putLong(e.localTs())
                    .putLong(Double.doubleToRawLongBits(e.px()))
                    .putLong(Double.doubleToRawLongBits(e.qty()))
                    .putLong(e.orderId())
                    .putLong(e.ival())
                    .putLong(Double.doubleToRawLongBits(e.fval()))
                    .put((byte) (e.endOfMessage() ? 1 : 0));
            digest.update(buffer.array(), 0, buffer.position());
            events++;
        }
        return new Result(events, HexFormat.of().formatHex(digest.digest()));
    }
}
