package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code --data} binding mistake (docs/DESIGN.md §11 "Binding") is one line and exit 1, before any data is
 * read: each test binds a corrupt feed to the other book, so reading any data would report the corruption instead.
 */
class DataBindingErrorsTest {
    private static final String PERP =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();
    private static final String SPOT_08 =
            RecordedData.file("spot_btcusdt_20240808.gz").toString();
    private static final String SPOT_09 =
            RecordedData.file("spot_btcusdt_20240809.gz").toString();

    @TempDir
    Path dir;

    private String graph;
    private String corrupt;

    @BeforeEach
    void files() throws IOException {
        graph = Files.writeString(
                        dir.resolve("basis.fg"),
                        "input perp: Book\ninput spot: Book\nbasis = mid(perp) / mid(spot) - 1\n")
                .toString();
        corrupt = Files.write(dir.resolve("corrupt.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3})
                .toString();
    }

    @Test
    void theCorruptFeedIsReportedWhenTheBindingsAreRight() {
        // so the binding errors below, with the same corrupt feed bound, come before any data is read
        CliRun run = run("--data", "perp=" + corrupt, "--data", "spot=" + SPOT_08);
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("fg run: error: corrupt.gz: "), run.err());
    }

    @Test
    void anUnboundBookNamesTheOptionToAdd() {
        assertError("book 'spot' has no data; add --data spot=FILE", "--data", "perp=" + corrupt);
    }

    @Test
    void everyUnboundBookIsNamed() {
        Path third = write(
                "three.fg",
                "input perp: Book\ninput spot: Book\ninput eth: Book\nx = mid(perp) + mid(spot) + mid(eth)\n");
        CliRun run = CliRun.of("run", third.toString(), "--data", "spot=" + corrupt);
        assertEquals(1, run.exitCode());
        assertEquals(
                "fg run: error: books 'perp', 'eth' have no data; add --data perp=FILE --data eth=FILE\n", run.err());
    }

    @Test
    void anUnknownNameSuggestsTheClosestBook() {
        assertError(
                "--data sopt=" + SPOT_08 + ": 'sopt' is not a Book input the graph reads; did you mean 'spot'? its "
                        + "books are perp, spot",
                "--data",
                "perp=" + corrupt,
                "--data",
                "sopt=" + SPOT_08);
    }

    @Test
    void anUnknownNameFarFromEveryBookListsThem() {
        assertError(
                "--data ethusdt=" + SPOT_08
                        + ": 'ethusdt' is not a Book input the graph reads; its books are perp, spot",
                "--data",
                "perp=" + corrupt,
                "--data",
                "ethusdt=" + SPOT_08);
    }

    @Test
    void aPlainFileForSeveralBooksSaysHowToBindThem() {
        assertError(
                "--data " + corrupt + ": the graph reads 2 books (perp, spot); bind each to its files by name: "
                        + "--data perp=FILE --data spot=FILE",
                "--data",
                corrupt);
    }

    @Test
    void aPlainFileAmongNamedOnesSaysHowToNameIt() {
        assertError(
                "--data " + SPOT_08 + ": a plain FILE among NAME=FILE bindings; write it as NAME=" + SPOT_08,
                "--data",
                "perp=" + corrupt,
                "--data",
                SPOT_08);
    }

    @Test
    void aFileBoundTwiceToOneNameIsRefused() {
        assertError(
                "--data spot=" + SPOT_08 + ": given twice for one feed; give each file once, in time order",
                "--data",
                "perp=" + corrupt,
                "--data",
                "spot=" + SPOT_08,
                "--data",
                "spot=" + SPOT_08);
    }

    @Test
    void filesOfOneNameOutOfTimeOrderAreRefused() {
        CliRun run = run("--data", "perp=" + corrupt, "--data", "spot=" + SPOT_09, "--data", "spot=" + SPOT_08);
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        String expected = "fg run: error: --data spot=" + SPOT_08 + ": files out of order: it starts at local time "
                + "1723161253";
        assertEquals(expected, run.err().substring(0, expected.length()), run.err());
        assertEquals(
                true,
                run.err()
                        .endsWith(", before " + SPOT_09 + " (starts at 1723161600001658384); give one feed's files "
                                + "in time order\n"),
                run.err());
    }

    @Test
    void aMissingFileNamesItsBinding() {
        assertError("--data spot=nope.gz: no such file", "--data", "perp=" + corrupt, "--data", "spot=nope.gz");
    }

    @Test
    void aNameWithoutAFileIsRefused() {
        assertError("--data spot=: expected NAME=FILE, with a file after '='", "--data", "spot=");
    }

    @Test
    void filesOfOneNameMustBeOfOneKind() throws IOException {
        Path fgev = Files.write(dir.resolve("spot.fgev"), new byte[16]);
        assertError(
                "--data spot=" + SPOT_08 + ": the data files mix recorded feeds (.gz) and factorgraph event files "
                        + "(.fgev); give files of one kind",
                "--data",
                "perp=" + corrupt,
                "--data",
                "spot=" + SPOT_08,
                "--data",
                "spot=" + fgev);
    }

    @Test
    void anUnknownFileTypeNamesTheExpectedOnes() {
        Path csv = write("spot.csv", "1,2\n");
        assertError(
                "--data spot=" + csv + ": unknown data file type: expected a recorded Binance feed (.gz), an "
                        + "hftbacktest event file (.npz) or a factorgraph event file (.fgev)",
                "--data",
                "perp=" + corrupt,
                "--data",
                "spot=" + csv);
    }

    @Test
    void aOneBookGraphTakesItsBookByNameOrAPlainFile() {
        String factors = "../examples/obi_mm_factors.fg";
        CliRun plain = CliRun.of("run", factors, "--data", PERP, "--interval", "10s");
        CliRun named = CliRun.of("run", factors, "--data", "book=" + PERP, "--interval", "10s");
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(0, named.exitCode(), named.err());
        assertEquals(plain.out(), named.out());
        CliRun wrong = CliRun.of("run", factors, "--data", "bok=" + PERP);
        assertEquals(
                "fg run: error: --data bok=" + PERP + ": 'bok' is not a Book input the graph reads; did you mean "
                        + "'book'? its books are book\n",
                wrong.err());
    }

    private CliRun run(String... data) {
        String[] args = new String[data.length + 2];
        args[0] = "run";
        args[1] = graph;
        System.arraycopy(data, 0, args, 2, data.length);
        return CliRun.of(args);
    }

    private void assertError(String message, String... data) {
        CliRun run = run(data);
        assertEquals("fg run: error: " + message + "\n", run.err());
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
