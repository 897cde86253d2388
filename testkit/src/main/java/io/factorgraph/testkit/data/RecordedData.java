package io.factorgraph.testkit.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorded market data tests read: {@code ../shared/data} beside the repository, or the
 * directory in the system property {@code factorgraph.data.dir}. A missing file fails the test with
 * a message saying where it looked; it is never skipped, so CI cannot pass without the data.
 */
public final class RecordedData {
    private RecordedData() {
    }

    public static Path directory() {
        String configured = System.getProperty("factorgraph.data.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate.resolve("binance"))) {
                return candidate;
            }
        }
        throw new AssertionError("recorded market data not found: set -Dfactorgraph.data.dir or put shared/data "
                + "beside the repository (looked upward from " + here + ")");
    }

    /** A file of {@code binance/}, e.g. {@code usdm_btcusdt_20240808.gz}. */
    public static Path binance(String file) {
        Path path = directory().resolve("binance").resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("recorded market data file missing: " + path);
        }
        return path;
    }
}
