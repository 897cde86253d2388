package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad state snapshot is refused by {@code fg run --restore-state} before any data is read, with exit
 * code 1 and one line naming the difference (docs/DESIGN.md §13), never a stack trace.
 */
class BadSnapshotTest {
    private static final String GRAPH = """
            param depth  = 0.001
            param window = 600
            clock every 100ms
            alpha = zscore(OBI(book, depth), window)
            vol   = volatility(mid(book), window)
            output alpha, vol
            """;
    private static final String A =
            RecordedData.file("spot_btcusdt_20240808.gz").toString();
    private static final String B =
            RecordedData.file("spot_btcusdt_20240809.gz").toString();

    @TempDir
    static Path dir;

    private static Path graph;
    private static Path snapshot;
    private static byte[] bytes;

    @BeforeAll
    static void saveOne() throws IOException {
        graph = Files.writeString(dir.resolve("g.fg"), GRAPH);
        snapshot = dir.resolve("a.fgst");
        CliRun run = CliRun.of(
                "run",
                graph.toString(),
                "--data",
                A,
                "-o",
                dir.resolve("a.csv").toString(),
                "--save-state",
                snapshot.toString());
        assertEquals(0, run.exitCode(), run.err());
        bytes = Files.readAllBytes(snapshot);
    }

    @Test
    void aSnapshotOfAnotherGraphNamesTheFirstNodeThatDiffers() throws IOException {
        Path other = Files.writeString(dir.resolve("other.fg"), GRAPH.replace("zscore(", "rolling_mean("));
        refused(restore(other, snapshot), "snapshot of a different graph", "zscore", "rolling_mean");
    }

    @Test
    void aSnapshotOfAGraphWithMoreNodesSaysSo() throws IOException {
        Path other = Files.writeString(dir.resolve("more.fg"), GRAPH + "chg = change(mid(book))\noutput chg\n");
        refused(
                restore(other, snapshot),
                "snapshot of a different graph",
                "has 5 nodes, this one 6; first difference",
                "change()");
    }

    @Test
    void anotherParameterValueNamesTheParameterAndBothValues() {
        refused(restore(graph, snapshot, "--param", "window=300"), "param window is 600 in the snapshot but 300 here");
    }

    @Test
    void anotherSamplingIntervalIsRefused() {
        refused(
                restore(graph, snapshot, "--interval", "1s"),
                "taken sampling every 100ms, but this run samples every 1s",
                "same clock settings");
    }

    @Test
    void anOlderFormatVersionIsRefused() throws IOException {
        refused(restore(graph, patchedVersion(1)), "format version 1 is older than the version 2");
    }

    @Test
    void aNewerFormatVersionIsRefused() throws IOException {
        refused(restore(graph, patchedVersion(7)), "format version 7 is newer than the version 2");
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path cut = Files.write(dir.resolve("cut.fgst"), Arrays.copyOf(bytes, bytes.length / 2));
        refused(
                restore(graph, cut),
                "truncated snapshot",
                bytes.length / 2 + " bytes where its header says " + bytes.length);
    }

    @Test
    void aCorruptedFileFailsItsChecksum() throws IOException {
        byte[] damaged = bytes.clone();
        damaged[damaged.length / 2] ^= 0x10;
        Path bad = Files.write(dir.resolve("bad.fgst"), damaged);
        refused(restore(graph, bad), "corrupted snapshot: checksum mismatch");
    }

    @Test
    void aFileThatIsNoSnapshotIsRefused() {
        refused(restore(graph, graph), "not a factorgraph state snapshot");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path empty = Files.write(dir.resolve("empty.fgst"), new byte[0]);
        refused(restore(graph, empty), "empty file");
    }

    @Test
    void aMissingOrUnreadablePathIsRefused() {
        refused(restore(graph, dir.resolve("nowhere.fgst")), "nowhere.fgst", "no such file");
        refused(restore(graph, dir), "cannot read the state snapshot", "directory");
    }

    @Test
    void filesThatDoNotContinueTheSavedFeedAreRefusedWhereTheyBreakIt() {
        CliRun again = CliRun.of("run", graph.toString(), "--data", A, "--restore-state", snapshot.toString());
        refused(again, "files out of order", "the run the state snapshot was taken at the end of");
        CliRun eth = CliRun.of(
                "run",
                graph.toString(),
                "--data",
                RecordedData.file("spot_ethusdt_20240809.gz").toString(),
                "--restore-state",
                snapshot.toString());
        refused(eth, "another instrument than btcusdt");
    }

    @Test
    void theRightFilesRestore() {
        CliRun run = restore(graph, snapshot);
        assertEquals(0, run.exitCode(), run.err());
    }

    private static Path patchedVersion(int version) throws IOException {
        byte[] patched = bytes.clone();
        patched[4] = (byte) (version >>> 24);
        patched[5] = (byte) (version >>> 16);
        patched[6] = (byte) (version >>> 8);
        patched[7] = (byte) version;
        return Files.write(dir.resolve("v" + version + ".fgst"), patched);
    }

    private static CliRun restore(Path graphFile, Path state, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "run",
                graphFile.toString(),
                "--data",
                B,
                "--restore-state",
                state.toString(),
                "-o",
                dir.resolve("b.csv").toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void refused(CliRun run, String... expected) {
        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), "one line: " + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        for (String part : expected) {
            assertTrue(lines.get(0).contains(part), "'" + part + "' in: " + lines.get(0));
        }
    }
}
