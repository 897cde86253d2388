package io.factorgraph.runtime.data;

/**
 * Market data that cannot be read as it claims to be: a malformed line, a sequence gap, a truncated
 * file, files out of order, a book that crosses.
 *
 * <p>The message is written for the person who gave us the file and is complete without a stack trace:
 * it starts with where the problem is ({@code usdm_btcusdt_20240808.gz:1234}, {@code data.npz:row 17},
 * or just the file) and then says what was expected and what was found, for example
 * {@code usdm_btcusdt_20240808.gz:1234: sequence gap: expected pu=5123107856210, found pu=5123107856333}.
 * Command-line tools print {@link #getMessage()} and exit; they need not print the trace.
 */
public final class MarketDataException extends Exception {
    private final String location;
    private final String detail;

    /**
     * @param location where: {@code file:line}, {@code file:row n} or a file name; may be empty when the
     *     problem spans several files and the detail names them
     * @param detail what was wrong, saying what was expected and what was found
     */
    public MarketDataException(String location, String detail) {
        this(location, detail, null);
    }

    public MarketDataException(String location, String detail, Throwable cause) {
        super(location == null || location.isEmpty() ? detail : location + ": " + detail, cause);
        this.location = location == null ? "" : location;
        this.detail = detail;
    }

    /** Where the problem is, as in the message prefix; empty when the detail says it. */
    public String location() {
        return location;
    }

    /** What was wrong, without the location. */
    public String detail() {
        return detail;
    }
}
