package io.factorgraph.live.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's snapshot files: written atomically and read back whole, the newest {@code keep} kept, a damaged newest
 * (truncated, a flipped byte, not a snapshot) skipped for the previous one with one log line each; and the size and
 * the time to take and restore a snapshot of {@code examples/obi_mm.fg} at the end of the recorded BTCUSDT file.
 */
class EngineSnapshotsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final ProcessLog log = new ProcessLog("engine", new PrintStream(logged, true, StandardCharsets.UTF_8));

    private String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheNewestAndReadsThemBack() {
        EngineSnapshots store = new EngineSnapshots(dir, 2, log);
        assertNull(store.newest(), "an empty directory has none");
        for (long t = 1; t <= 4; t++) {
            store.write(t * 100, t, t * 10, new byte[] {(byte) t, 2, 3});
        }
        EngineSnapshots.Snapshot newest = store.newest();
        assertEquals(400, newest.tickTimeNs());
        assertEquals(4, newest.ticks());
        assertEquals(40, newest.ticksSinceSync());
        assertArrayEquals(new byte[] {4, 2, 3}, newest.graphState());
        assertEquals(
                List.of(store.fileFor(300), store.fileFor(400)), assertDoesNotThrowFiles(store), "the newest 2 kept");
        assertEquals("", logged());
    }

    @Test
    void aDamagedNewestFallsBackToThePreviousWithOneLine() throws Exception {
        EngineSnapshots store = new EngineSnapshots(dir, 5, log);
        for (long t = 1; t <= 4; t++) {
            store.write(t * 100, t, t, new byte[64]);
        }
        Path f400 = store.fileFor(400);
        Path f300 = store.fileFor(300);
        Path f200 = store.fileFor(200);
        byte[] bytes = Files.readAllBytes(f400);
        Files.write(f400, Arrays.copyOf(bytes, bytes.length - 5)); // truncated
        byte[] flipped = Files.readAllBytes(f300);
        flipped[40] ^= 1; // one bit of the state
        Files.write(f300, flipped);
        assertEquals(200, store.newest().tickTimeNs());
        String[] lines = logged().strip().split("\n");
        assertEquals(2, lines.length, logged());
        assertTrue(lines[0].contains("error: " + f400 + ": truncated or damaged snapshot"), lines[0]);
        assertTrue(lines[0].endsWith("falling back to the previous snapshot"), lines[0]);
        assertTrue(lines[1].contains(f300 + ": damaged snapshot (checksum mismatch)"), lines[1]);

        Files.writeString(f200, "not a snapshot at all, but long enough to have a header");
        store.newest();
        assertTrue(logged().contains(f200 + ": not an engine snapshot"), logged());
        Files.write(store.fileFor(100), new byte[3]);
        assertNull(store.newest(), "nothing readable left");
        assertTrue(logged().contains(store.fileFor(100) + ": truncated snapshot (3 bytes)"), logged());
    }

    /**
     * The figures in the README: obi_mm.fg after the whole recorded USD-M BTCUSDT file (its book and its two
     * 600-sample windows), the snapshot's size, and the time to take it (state and file) and to restore it.
     */
    @Test
    void obiMmSnapshotSizeAndTimes() throws Exception {
        GraphSpec spec = new GraphSpec(Path.of("../examples/obi_mm.fg"), List.of(), -1);
        CompiledGraph graph = spec.compile();
        GraphInstance instance = graph.newInstance();
        try (ReplayFactorProvider provider = new ReplayFactorProvider(
                EventSources.open(List.of(RecordedData.file("usdm_btcusdt_20240808.gz")), GapPolicy.FAIL),
                instance,
                spec.interval(graph),
                CrossedBookPolicy.FAIL)) {
            while (provider.next()) {
                // to the end
            }
        }
        EngineSnapshots store = new EngineSnapshots(dir, 3, log);
        GraphInstance fresh = graph.newInstance();
        long take = Long.MAX_VALUE;
        long restore = Long.MAX_VALUE;
        int size = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            byte[] state = instance.saveState();
            Path file = store.write(1_000L + i, 1, 1, state);
            take = Math.min(take, System.nanoTime() - start);
            size = (int) Files.size(file);
            start = System.nanoTime();
            EngineSnapshots.Snapshot back = EngineSnapshots.read(file);
            fresh.restoreState(back.graphState(), file.toString());
            restore = Math.min(restore, System.nanoTime() - start);
        }
        assertArrayEquals(instance.saveState(), fresh.saveState(), "restored whole");
        assertTrue(size > 10_000 && size < 1_000_000, "size " + size);
        System.out.printf(
                "obi_mm.fg snapshot: %d bytes; take (state + file, forced) %.2f ms, restore (read + state) %.2f ms%n",
                size, take / 1e6, restore / 1e6);
    }

    private static List<Path> assertDoesNotThrowFiles(EngineSnapshots store) {
        try {
            return store.files();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
