package io.factorgraph.venue.binance;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's HMAC-SHA256 signature of a SIGNED request: the hex digest of the total parameters (query string followed
 * by the body, as sent) keyed by the secret. The signature is the last parameter; the secret never leaves this
 * object.
 */
public final class RequestSigner {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Mac mac;

    public RequestSigner(Credentials credentials) {
        this(credentials.secret());
    }

    RequestSigner(String secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }

    /** The lower-case hex signature of {@code totalParams}. */
    public synchronized String sign(String totalParams) {
        return hex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code query&recvWindow=R&timestamp=T&signature=S} ({@code query} may be empty). */
    public String signedQuery(String query, long recvWindowMs, long timestampMs) {
        String total =
                (query.isEmpty() ? "" : query + "&") + "recvWindow=" + recvWindowMs + "&timestamp=" + timestampMs;
        return total + "&signature=" + sign(total);
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
