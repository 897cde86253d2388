package io.factorgraph.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the recorded market data of {@code shared/data} is, for the tests and the benchmarks (the one place
 * that knows): the directory in the system property {@value #PROPERTY} (the build sets it), else in the
 * environment variable {@value #ENVIRONMENT}, else {@code ../shared/data} beside the working directory or any
 * directory above it (so it is found from a module and from the repository root). It lives in the runtime,
 * not in the test kit, because the runtime's own tests need it and cannot depend on the test kit.
 *
 * <p>Missing data is an {@link IllegalStateException} naming where it looked: a test fails with it, never
 * skips, so a build without the data cannot pass.
 */
public final class RecordedData {
    /** The system property naming the data directory (the one that holds {@code binance/}). */
    public static final String PROPERTY = "factorgraph.data.dir";
    /** The environment variable read when the property is not set. */
    public static final String ENVIRONMENT = "FG_DATA_DIR";

    private RecordedData() {}

    /** The data directory, the one holding {@code binance/}; it must exist. */
    public static Path directory() {
        return directory(
                System.getProperty(PROPERTY),
                System.getenv(ENVIRONMENT),
                Path.of("").toAbsolutePath());
    }

    /** {@link #directory()} given the property's and the variable's values (null when unset) and where to start. */
    static Path directory(String property, String environment, Path workingDirectory) {
        String configured = property != null && !property.isBlank()
                ? property
                : environment != null && !environment.isBlank() ? environment : null;
        if (configured != null) {
            Path dir = Path.of(configured);
            if (!Files.isDirectory(dir.resolve("binance"))) {
                throw new IllegalStateException("recorded market data not found: " + dir.toAbsolutePath()
                        + "/binance does not exist (from "
                        + (configured.equals(property) ? "-D" + PROPERTY : ENVIRONMENT) + "=" + configured
                        + "); see shared/data/README.md");
            }
            return dir;
        }
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate.resolve("binance"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("recorded market data not found: no ../shared/data/binance beside "
                + workingDirectory + " or any directory above it; put shared/data beside the repository (see "
                + "shared/data/README.md) or set -D" + PROPERTY + "=DIR or " + ENVIRONMENT + "=DIR to the directory "
                + "that holds binance/");
    }

    /** A recorded Binance feed, such as {@code usdm_btcusdt_20240808.gz}; it must exist. */
    public static Path file(String name) {
        Path file = directory().resolve("binance").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("recorded market data file missing: " + file.toAbsolutePath());
        }
        return file;
    }

    /** Several recorded feeds, in the order given. */
    public static List<Path> files(String... names) {
        return Arrays.stream(names).map(RecordedData::file).toList();
    }

    /** The feeds named in a comma-separated list, as the benchmarks' parameters name them. */
    public static List<Path> commaSeparated(String names) {
        List<Path> files = new ArrayList<>();
        for (String name : names.split(",")) {
            files.add(file(name.trim()));
        }
        return List.copyOf(files);
    }
}
