package io.factorgraph.runtime.data.fgev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.DataConverter;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.market.EventFlags;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way an {@code .fgev} file can be wrong is a one-line message naming the file; the writer's refusals. */
class EventFileErrorsTest {
    private static final long LOCAL_BUY_DEPTH = EventFlags.LOCAL_EVENT | EventFlags.BUY_EVENT | EventFlags.DEPTH_EVENT;

    @TempDir
    Path dir;

    /** A valid file of {@code n} events, 10 ns apart, symbol "btcusdt", source "test": a 128-byte header. */
    private Path valid(String name, int n) throws IOException {
        Path file = dir.resolve(name);
        try (EventFileWriter writer = EventFileWriter.create(file, "btcusdt", "test")) {
            for (int i = 0; i < n; i++) {
                writer.write(LOCAL_BUY_DEPTH, 1000 + i, 2000 + 10 * i, 100.5 + i, 1.25, 0, i, 0, i % 2 == 1);
            }
            assertEquals(128, writer.finish().headerLength());
        }
        return file;
    }

    @Test
    void aFileOfAnotherKindIsNotAnEventFile() throws IOException {
        Path gz = dir.resolve("feed.fgev");
        Files.copy(RecordedData.file("usdm_btcusdt_20240808.gz"), gz);
        assertEquals(
                "feed.fgev: not a factorgraph event file: it does not start with the .fgev magic bytes "
                        + "\\x89FGEV\\r\\n\\x1a",
                errorOf(gz));
    }

    @Test
    void anEmptyFileIsNotAnEventFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.fgev"));
        assertEquals("empty.fgev: not a factorgraph event file: it is empty", errorOf(empty));
    }

    @Test
    void aFileCutInsideTheHeaderIsTruncated() throws IOException {
        Path file = valid("cut_header.fgev", 3);
        truncate(file, 40);
        assertEquals(
                "cut_header.fgev: truncated: the file is 40 bytes, shorter than the 64-byte header", errorOf(file));
    }

    @Test
    void aNewerFormatVersionIsRefusedByNumber() throws IOException {
        Path file = valid("future.fgev", 3);
        patchShort(file, 8, 3);
        assertEquals(
                "future.fgev: format version 3 is newer than this reader (1); read it with a newer fg", errorOf(file));
    }

    @Test
    void versionZeroIsCorrupt() throws IOException {
        Path file = valid("zero.fgev", 3);
        patchShort(file, 8, 0);
        assertEquals("zero.fgev: corrupt header: format version 0 (versions start at 1)", errorOf(file));
    }

    @Test
    void aFileCutBetweenEventsIsTruncated() throws IOException {
        Path file = valid("cut.fgev", 10);
        truncate(file, 128 + 4 * 64);
        assertEquals("cut.fgev: truncated: header says 10 events, file holds 4", errorOf(file));
    }

    @Test
    void aFileCutInsideAnEventIsTruncated() throws IOException {
        Path file = valid("cut_event.fgev", 10);
        truncate(file, 128 + 4 * 64 + 20);
        assertEquals(
                "cut_event.fgev: truncated: header says 10 events, file holds 4 and 20 bytes of another",
                errorOf(file));
    }

    @Test
    void aFileCutInsideTheTextOfTheHeaderIsTruncated() throws IOException {
        Path file = dir.resolve("long_header.fgev");
        try (EventFileWriter writer = EventFileWriter.create(file, "btcusdt", "x".repeat(100))) {
            writer.finish();
        }
        truncate(file, 100);
        assertEquals(
                "long_header.fgev: truncated: header says 0 events, file holds only 100 bytes of its 192-byte "
                        + "header",
                errorOf(file));
    }

    @Test
    void bytesAfterTheLastEventAreTrailingData() throws IOException {
        Path file = valid("trailing.fgev", 3);
        Files.write(file, new byte[70], StandardOpenOption.APPEND);
        assertEquals(
                "trailing.fgev: trailing data: header says 3 events, file holds 4 and 6 bytes of another",
                errorOf(file));
    }

    @Test
    void aCountLargerThanAnyFileIsImplausible() throws IOException {
        Path file = valid("huge.fgev", 3);
        patchLong(file, 16, -1);
        assertEquals("huge.fgev: corrupt header: implausible event count 18446744073709551615", errorOf(file));
    }

    @Test
    void unknownFlagsAreRefused() throws IOException {
        Path file = valid("flags.fgev", 3);
        patchLong(file, 24, 0b101);
        assertEquals(
                "flags.fgev: header flags 0x5 include flags this reader does not know (it knows 0x1); read it "
                        + "with a newer fg",
                errorOf(file));
    }

    @Test
    void anotherRecordLengthIsCorrupt() throws IOException {
        Path file = valid("record.fgev", 3);
        patchShort(file, 10, 48);
        assertEquals("record.fgev: corrupt header: record length 48, expected 64", errorOf(file));
    }

    @Test
    void aHeaderLengthThatIsNotAMultipleOf64OrTooShortForItsTextIsCorrupt() throws IOException {
        Path odd = valid("odd.fgev", 3);
        patchInt(odd, 12, 96);
        assertEquals(
                "odd.fgev: corrupt header: header length 96 is not a multiple of 64 holding the 64-byte fixed "
                        + "part, the 7-byte symbol and the 4-byte source description",
                errorOf(odd));
        Path text = valid("text.fgev", 3);
        patchShort(text, 50, 80);
        assertEquals(
                "text.fgev: corrupt header: header length 128 is not a multiple of 64 holding the 64-byte fixed "
                        + "part, the 7-byte symbol and the 80-byte source description",
                errorOf(text));
    }

    @Test
    void localEventsGoingBackInTimeAreRefusedAtTheirRow() throws IOException, MarketDataException {
        Path file = dir.resolve("order.fgev");
        try (EventFileWriter writer = EventFileWriter.create(file, "", "")) {
            writer.write(LOCAL_BUY_DEPTH, 1, 200, 1, 1, 0, 0, 0, true);
            writer.write(EventFlags.EXCH_EVENT | EventFlags.DEPTH_EVENT, 1, 100, 1, 1, 0, 0, 0, true);
            writer.write(LOCAL_BUY_DEPTH, 1, 150, 1, 1, 0, 0, 0, true);
            writer.finish();
        }
        assertEquals("order.fgev:row 2: local events out of order: local_ts 150 after 200", errorOf(file));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.fgev");
        assertEquals("missing.fgev: cannot open: no such file: " + missing, errorOf(missing));
    }

    @Test
    void theWriterRefusesEvThatUsesTheEndOfMessageBit() throws IOException {
        Path file = dir.resolve("bit32.fgev");
        try (EventFileWriter writer = EventFileWriter.create(file, "", "")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> writer.write(LOCAL_BUY_DEPTH | 1L << 32, 1, 1, 1, 1, 0, 0, 0, true));
            assertEquals(
                    "ev 0x160000001 uses bit 32, which the .fgev format reserves for end-of-message marks",
                    e.getMessage());
        }
        assertEquals(List.of(), listDir(), "nothing left behind");
    }

    @Test
    void anUnfinishedWriterLeavesNothingAndAnExistingFileUntouched() throws IOException {
        Path file = valid("kept.fgev", 3);
        byte[] before = Files.readAllBytes(file);
        try (EventFileWriter writer = EventFileWriter.create(file, "", "")) {
            writer.write(LOCAL_BUY_DEPTH, 1, 1, 1, 1, 0, 0, 0, true);
            assertTrue(listDir().size() == 2, "a hidden temporary file while writing: " + listDir());
        }
        assertEquals(List.of("kept.fgev"), listDir());
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(file)));
    }

    @Test
    void aFailedConversionLeavesTheDestinationAsItWas() throws IOException {
        Path out = valid("out.fgev", 3);
        byte[] before = Files.readAllBytes(out);
        byte[] whole = Files.readAllBytes(RecordedData.file("usdm_btcusdt_20240808.gz"));
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        MarketDataException e = assertThrows(
                MarketDataException.class, () -> DataConverter.convert(List.of(cut), GapPolicy.FAIL, out, null));
        assertTrue(e.getMessage().startsWith("cut.gz"), e.getMessage());
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(out)));
        assertEquals(List.of("cut.gz", "out.fgev"), listDir());
    }

    @Test
    void theConverterRefusesToOverwriteAnInputAndUnknownOutputTypes() throws IOException {
        Path in = valid("in.fgev", 3);
        IllegalArgumentException same = assertThrows(
                IllegalArgumentException.class,
                () -> DataConverter.convert(List.of(in), GapPolicy.FAIL, dir.resolve("./in.fgev"), null));
        assertEquals(
                dir.resolve("./in.fgev") + " is also an input file; write the conversion to another file",
                same.getMessage());
        IllegalArgumentException type = assertThrows(
                IllegalArgumentException.class,
                () -> DataConverter.convert(List.of(in), GapPolicy.FAIL, dir.resolve("out.csv"), null));
        assertEquals(
                dir.resolve("out.csv") + ": unknown output type: expected an hftbacktest event file (.npz) or a "
                        + "factorgraph event file (.fgev)",
                type.getMessage());
    }

    @Test
    void aFileCutWhileBeingReadIsAnErrorAtTheRowAfterTheLastWholeBatch() throws IOException, MarketDataException {
        int n = EventFileReader.BATCH_RECORDS + 10;
        Path file = valid("shrinking.fgev", n);
        try (EventFileReader reader = EventFileReader.open(file)) {
            assertTrue(reader.next());
            truncate(file, 128 + 64L * (EventFileReader.BATCH_RECORDS + 5));
            long read = 1;
            while (read < EventFileReader.BATCH_RECORDS) {
                assertTrue(reader.next());
                assertEquals(read, reader.event().ival(), "records of the batch read before the cut");
                read++;
            }
            MarketDataException cut = assertThrows(MarketDataException.class, reader::next);
            assertEquals(
                    "shrinking.fgev:row " + EventFileReader.BATCH_RECORDS + ": cannot read: java.io.IOException: the"
                            + " file ended at byte " + (128 + 64L * (EventFileReader.BATCH_RECORDS + 5))
                            + " (was it truncated while being read?)",
                    cut.getMessage());
        }
    }

    @Test
    void closingTwiceIsHarmlessAndReadingAfterCloseFails() throws IOException, MarketDataException {
        Path file = valid("closed.fgev", 3);
        EventFileReader reader = EventFileReader.open(file);
        assertTrue(reader.next());
        reader.close();
        reader.close();
        assertThrows(IllegalStateException.class, reader::next);
    }

    private List<String> listDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String errorOf(Path file) {
        return assertThrows(MarketDataException.class, () -> {
                    try (EventFileReader reader = EventFileReader.open(file)) {
                        while (reader.next()) {
                            // read to the error
                        }
                    }
                })
                .getMessage();
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    static void patchLong(Path file, long at, long value) throws IOException {
        patch(
                file,
                at,
                ByteBuffer.allocate(8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(value)
                        .flip());
    }

    private static void patchInt(Path file, long at, int value) throws IOException {
        patch(
                file,
                at,
                ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(value)
                        .flip());
    }

    private static void patchShort(Path file, long at, int value) throws IOException {
        patch(
                file,
                at,
                ByteBuffer.allocate(2)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putShort((short) value)
                        .flip());
    }

    private static void patch(Path file, long at, ByteBuffer bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(bytes, at);
        }
    }
}
