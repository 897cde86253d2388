package io.factorgraph.bench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the recorded Binance feeds are. The benchmarks never copy data into the project: they read
 * {@code <dir>/binance/<file>}, with the directory from the system property {@code factorgraph.data.dir},
 * else the environment variable {@code FG_DATA_DIR}, else {@code ../shared/data} relative to the working
 * directory or to any of its parents (so it works from the repository root and from a module).
 */
public final class BenchData {
    /** The feed every per-tick benchmark samples its book states from. */
    public static final String DEFAULT_FILE = "usdm_btcusdt_20240808.gz";

    private BenchData() {
    }

    public static Path dataDir() {
        String configured = System.getProperty("factorgraph.data.dir", System.getenv("FG_DATA_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate.resolve("binance"))) {
                return candidate;
            }
        }
        return Path.of("../shared/data");
    }

    /** The feed files named (comma-separated, under {@code <dataDir>/binance}), checked to exist. */
    public static List<Path> files(String commaSeparated) {
        List<Path> files = new ArrayList<>();
        for (String name : commaSeparated.split(",")) {
            Path file = dataDir().resolve("binance").resolve(name.trim());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("recorded feed not found: " + file.toAbsolutePath()
                        + " (set -Dfactorgraph.data.dir=DIR or FG_DATA_DIR to the folder that holds binance/)");
            }
            files.add(file);
        }
        return files;
    }
}
