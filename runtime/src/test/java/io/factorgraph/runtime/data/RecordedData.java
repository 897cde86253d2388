package io.factorgraph.runtime.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where the recorded Binance feeds of {@code shared/data} are: the {@code factorgraph.data.dir} system
 * property (surefire sets it to {@code <repo>/../shared/data}), else {@code ../shared/data} next to the
 * repository root. Missing data fails the test: a test that skips silently proves nothing.
 */
public final class RecordedData {
    private RecordedData() {
    }

    /** The {@code binance} directory of the recorded data. */
    public static Path binanceDir() {
        String property = System.getProperty("factorgraph.data.dir");
        Path dataDir = property != null && !property.isBlank()
                ? Path.of(property)
                : repositoryRoot().resolve("../shared/data").normalize();
        Path binance = dataDir.resolve("binance");
        if (!Files.isDirectory(binance)) {
            fail("recorded market data not found: " + binance.toAbsolutePath() + " does not exist (from "
                    + (property != null ? "-Dfactorgraph.data.dir=" + property : "the default ../shared/data")
                    + "). The tests need shared/data/binance next to the repository (see shared/data/README.md), "
                    + "or -Dfactorgraph.data.dir pointing at it.");
        }
        return binance;
    }

    /** A recorded file, which must exist. */
    public static Path file(String name) {
        Path file = binanceDir().resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("recorded market data file missing: " + file.toAbsolutePath());
        }
        return file;
    }

    /** Several recorded files, in the order given. */
    public static List<Path> files(String... names) {
        return Arrays.stream(names).map(RecordedData::file).toList();
    }

    /**
     * The repository root: from the working directory (a module's, under surefire), up through the
     * unbroken chain of parent directories that hold a {@code pom.xml}.
     */
    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (root.getParent() != null && Files.isRegularFile(root.getParent().resolve("pom.xml"))) {
            root = root.getParent();
        }
        return root;
    }
}
