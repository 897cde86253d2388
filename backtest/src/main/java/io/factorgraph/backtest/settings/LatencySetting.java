package io.factorgraph.backtest.settings;

import io.factorgraph.backtest.exchange.ConstantLatency;
import io.factorgraph.backtest.exchange.InterpolatedLatency;
import io.factorgraph.backtest.exchange.LatencyModel;
import io.factorgraph.runtime.data.MarketDataException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --latency}: the same order latency each way, an entry and a response latency, or a latency file to
 * interpolate. A file is named here and read by {@link #model()}, so that a live launcher can check it before it
 * starts the connector, which reads it again.
 */
public sealed interface LatencySetting permits LatencySetting.Constant, LatencySetting.File {
    /** The accepted forms, for messages. */
    String FORMS = "expected a duration (e.g. 5ms), ENTRY/RESPONSE (e.g. 250us/1.5ms), or a latency file";

    /** The latency model this setting stands for; a file is read (and checked row by row) now. */
    LatencyModel model() throws MarketDataException;

    /** The text {@link #parse} reads back as an equal setting. */
    String canonical();

    /**
     * An existing regular file is a latency file; anything else must be {@code D} or {@code ENTRY/RESPONSE}, each a
     * non-negative duration with a unit ({@code ns}, {@code us}, {@code ms}, {@code s}).
     *
     * @throws IllegalArgumentException {@code 'TEXT': expected ...}
     */
    static LatencySetting parse(String text) {
        String s = text == null ? "" : text.strip();
        if (!s.isEmpty()) {
            Path file = Path.of(s);
            if (Files.isRegularFile(file)) {
                return new File(file.toAbsolutePath().normalize());
            }
        }
        try {
            ConstantLatency latency = LatencyModel.parse(s);
            return new Constant(latency.entryNanos(), latency.responseNanos());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + FORMS
                    + (s.contains("/") || s.isEmpty() || Character.isDigit(s.charAt(0)) ? "" : " (no such file)"));
        }
    }

    /** A constant latency each way, in nanoseconds. */
    record Constant(long entryNanos, long responseNanos) implements LatencySetting {
        public Constant {
            if (entryNanos < 0 || responseNanos < 0) {
                throw new IllegalArgumentException(
                        "latencies cannot be negative: " + entryNanos + "/" + responseNanos + " ns");
            }
        }

        @Override
        public LatencyModel model() {
            return new ConstantLatency(entryNanos, responseNanos);
        }

        /** {@code 5ms}, or {@code 250us/1500us} when the two differ: each in the largest unit that is exact. */
        @Override
        public String canonical() {
            String entry = DurationText.format(entryNanos);
            return entryNanos == responseNanos ? entry : entry + "/" + DurationText.format(responseNanos);
        }
    }

    /** A latency file ({@code req_ts,exch_ts,resp_ts} rows, see {@link InterpolatedLatency}), by absolute path. */
    record File(Path path) implements LatencySetting {
        public File {
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("a latency file is named by its absolute path, was " + path);
            }
        }

        @Override
        public LatencyModel model() throws MarketDataException {
            return InterpolatedLatency.load(path);
        }

        @Override
        public String canonical() {
            return path.toString();
        }
    }
}
