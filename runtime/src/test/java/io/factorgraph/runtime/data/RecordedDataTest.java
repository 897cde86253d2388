package io.factorgraph.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one lookup of the recorded data: property, then environment, then {@code ../shared/data} upward. */
class RecordedDataTest {
    @TempDir
    Path root;

    @Test
    void thePropertyWinsOverTheEnvironmentAndTheDefault() throws IOException {
        Path a = Files.createDirectories(root.resolve("a/binance")).getParent();
        Path b = Files.createDirectories(root.resolve("b/binance")).getParent();
        assertEquals(a, RecordedData.directory(a.toString(), b.toString(), root));
        assertEquals(b, RecordedData.directory(null, b.toString(), root));
        assertEquals(b, RecordedData.directory(" ", b.toString(), root));
    }

    @Test
    void theDefaultIsSharedDataBesideTheWorkingDirectoryOrAnyAboveIt() throws IOException {
        Path data = Files.createDirectories(root.resolve("shared/data/binance")).getParent();
        Path module = Files.createDirectories(root.resolve("repo/runtime"));
        assertEquals(data, RecordedData.directory(null, null, module));
        assertEquals(data, RecordedData.directory(null, null, root.resolve("repo")));
    }

    @Test
    void missingDataFailsSayingWhereItLooked() {
        IllegalStateException none = assertThrows(
                IllegalStateException.class, () -> RecordedData.directory(null, null, root.resolve("repo")));
        assertTrue(
                none.getMessage()
                        .startsWith("recorded market data not found: no ../shared/data/binance beside "
                                + root.resolve("repo")),
                none.getMessage());
        IllegalStateException wrong = assertThrows(
                IllegalStateException.class,
                () -> RecordedData.directory(root.resolve("nowhere").toString(), null, root));
        assertEquals(
                "recorded market data not found: " + root.resolve("nowhere") + "/binance does not exist (from "
                        + "-Dfactorgraph.data.dir=" + root.resolve("nowhere") + "); see shared/data/README.md",
                wrong.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RecordedData.file("nope.gz"));
        assertTrue(
                e.getMessage().startsWith("recorded market data file missing: ")
                        && e.getMessage().endsWith("/binance/nope.gz"),
                e.getMessage());
    }
}
