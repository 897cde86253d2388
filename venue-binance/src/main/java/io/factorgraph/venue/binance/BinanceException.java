package io.factorgraph.venue.binance;

/**
 * A request the venue refused or could not be sent: Binance's error code and message ({@code {"code":-2010,"msg":...}})
 * with the HTTP status, or a local refusal (rate limited, backing off). The message names the endpoint, never the
 * signed query or a secret.
 *
 * @see RateLimits
 */
public final class BinanceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Binance's code for a request whose timestamp is outside the receive window. */
    public static final int INVALID_TIMESTAMP = -1021;
    /** Binance's code for a signature that does not match. */
    public static final int INVALID_SIGNATURE = -1022;
    /** Binance's code for an order it does not know ({@code GET /fapi/v1/order}). */
    public static final int NO_SUCH_ORDER = -2013;
    /** Binance's code for a listen key that has lapsed. */
    public static final int NO_SUCH_LISTEN_KEY = -1125;
    /** A local code: not sent, the venue asked us to wait (429/418) or the connector's own limit was reached. */
    public static final int LOCAL_BACK_OFF = -9001;

    private final int status;
    private final int code;

    public BinanceException(String endpoint, int status, int code, String message) {
        super(endpoint + ": " + (status > 0 ? "HTTP " + status + ", " : "") + "code " + code + ": " + message);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, 0 when the request was not sent. */
    public int status() {
        return status;
    }

    public int code() {
        return code;
    }
}
