package io.factorgraph.runtime.data.npz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The npz reader against files numpy wrote ({@code src/test/resources/npz/make_fixture.py}) and hand-made bad ones. */
class NpzEventReaderTest {
    @TempDir
    Path dir;

    private static Path fixture(String name) {
        try {
            return Path.of(NpzEventReaderTest.class.getResource("/npz/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double parseHex(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static void assertBits(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what);
        } else {
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"events.npz", "events_stored.npz"})
    void readsEveryFieldOfEveryRowAsNumpyWroteIt(String name) throws IOException, MarketDataException {
        List<String> expected;
        try (InputStream in = NpzEventReaderTest.class.getResourceAsStream("/npz/events.expected.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .filter(l -> !l.startsWith("#"))
                    .toList();
        }
        try (NpzEventReader reader = NpzEventReader.open(fixture(name))) {
            assertEquals(expected.size(), reader.eventCount());
            MarketEvent e = reader.event();
            for (int row = 0; row < expected.size(); row++) {
                assertTrue(reader.next(), "row " + row);
                String[] f = expected.get(row).split(" ");
                String at = name + " row " + row + ": " + e;
                assertEquals(Long.parseUnsignedLong(f[0]), e.ev(), at);
                assertEquals(Long.parseLong(f[1]), e.exchTs(), at);
                assertEquals(Long.parseLong(f[2]), e.localTs(), at);
                assertBits(parseHex(f[3]), e.px(), at);
                assertBits(parseHex(f[4]), e.qty(), at);
                assertEquals(Long.parseUnsignedLong(f[5]), e.orderId(), at);
                assertEquals(Long.parseLong(f[6]), e.ival(), at);
                assertBits(parseHex(f[7]), e.fval(), at);
                assertEquals("1".equals(f[8]), e.endOfMessage(), at);
                assertEquals(name + ":data.npy:row " + row, reader.position());
            }
            assertFalse(reader.next());
            assertFalse(reader.next());
        }
    }

    @Test
    void replaysIntoABook() throws MarketDataException {
        OrderBook book = new OrderBook();
        List<Boolean> ready = new java.util.ArrayList<>();
        try (BookReplay replay = new BookReplay(NpzEventReader.open(fixture("events.npz")), book)) {
            while (replay.next()) {
                ready.add(book.isReady());
                if (ready.size() == 10) {
                    // after the snapshot (8 rows) and the first diff (2 rows)
                    assertEquals(
                            "OrderBook[ready, bids 2, asks 4: 12.5@61801.0 0.004@61800.5 0.25@61800.4 "
                                    + "1.091@61800.3 | 2.909@61800.2 1.795@61799.7 ]",
                            book.toString());
                }
            }
        }
        assertEquals(List.of(false, false, false, false, false, false, false, true), ready.subList(0, 8));
        // the clear of both sides at row 18 leaves the book not ready; the diffs after it rebuild levels only
        assertFalse(book.isReady());
        assertEquals(4, book.bidDepth());
        assertEquals(61700.0 + 6 * 0.1, book.bestBid(), "as numpy computed it in make_fixture.py");
    }

    @Test
    void refusesOtherDtypes() {
        assertEquals(
                "wrong_dtype.npz:data.npy: not hftbacktest's event dtype: expected [('ev', '<u8'), "
                        + "('exch_ts', '<i8'), ('local_ts', '<i8'), ('px', '<f8'), ('qty', '<f8'), ('order_id', '<u8'), "
                        + "('ival', '<i8'), ('fval', '<f8')], found [['ev', '<u8'], ['exch_ts', '<i8'], ['local_ts', '<i8'], "
                        + "['px', '<f4'], ['qty', '<f8'], ['order_id', '<u8'], ['ival', '<i8'], ['fval', '<f8']]",
                errorOf(fixture("wrong_dtype.npz")));
    }

    @Test
    void refusesHftbacktestOneLayoutWithAHint() {
        assertEquals(
                "v1_layout.npz:data.npy: this is hftbacktest 1.x's layout (a 2-D float64 array of 6 columns, "
                        + "shape [4, 6]); convert it to the 2.x event layout with hftbacktest's migration2 utility",
                errorOf(fixture("v1_layout.npz")));
    }

    @Test
    void refusesFortranOrder() {
        assertEquals(
                "fortran.npz:data.npy: fortran_order is True: expected a C-ordered array",
                errorOf(fixture("fortran.npz")));
    }

    @Test
    void refusesAmbiguousArchives() {
        assertEquals(
                "two_arrays.npz: holds several arrays [a.npy, b.npy] and none is data.npy: which one holds the "
                        + "events?",
                errorOf(fixture("two_arrays.npz")));
    }

    @Test
    void refusesFilesThatAreNotZips() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.npz"), "not a zip");
        assertEquals("bad.npz: not a readable .npz (zip) file: zip END header not found", errorOf(file));
        Path missing = dir.resolve("missing.npz");
        assertEquals("missing.npz: cannot open: no such file: " + missing, errorOf(missing));
    }

    @Test
    void refusesATruncatedArray() throws IOException {
        Path file = npz(
                "short.npz",
                header(
                        "[('ev', '<u8'), ('exch_ts', '<i8'), ('local_ts', '<i8'), ('px', '<f8'), "
                                + "('qty', '<f8'), ('order_id', '<u8'), ('ival', '<i8'), ('fval', '<f8')]",
                        "(3,)"),
                rows(2));
        assertEquals(
                "short.npz:data.npy: truncated: the header declares 3 events (448 bytes with the header), "
                        + "but the array is 384 bytes",
                errorOf(file));
    }

    @Test
    void refusesAMalformedHeaderAndBadMagic() throws IOException {
        Path file = npz("bad_header.npz", header("[('ev', '<u8')", "(3,)"), new byte[0]);
        assertTrue(
                errorOf(file).startsWith("bad_header.npz:data.npy: malformed .npy header at character"), errorOf(file));
        Path magic = npz("magic.npz", "NUMPY!".getBytes(StandardCharsets.US_ASCII), new byte[64]);
        assertEquals("magic.npz:data.npy: not a .npy array: it does not start with \\x93NUMPY", errorOf(magic));
    }

    @Test
    void acceptsSignedEvAndOrderIdAndRefusesLocalEventsOutOfOrder() throws IOException, MarketDataException {
        String descr = "[('ev', '<i8'), ('exch_ts', '<i8'), ('local_ts', '<i8'), ('px', '<f8'), ('qty', '<f8'), "
                + "('order_id', '<i8'), ('ival', '<i8'), ('fval', '<f8')]";
        ByteBuffer data = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        data.putLong(2 | 1L << 30)
                .putLong(5)
                .putLong(200)
                .putDouble(1)
                .putDouble(1)
                .putLong(0)
                .putLong(0)
                .putDouble(0);
        data.putLong(2 | 1L << 30)
                .putLong(6)
                .putLong(100)
                .putDouble(1)
                .putDouble(1)
                .putLong(0)
                .putLong(0)
                .putDouble(0);
        Path file = npz("order.npz", header(descr, "(2,)"), data.array());
        try (NpzEventReader reader = NpzEventReader.open(file)) {
            assertTrue(reader.next());
            MarketDataException e = assertThrows(MarketDataException.class, reader::next);
            assertEquals(
                    "order.npz:data.npy:row 1: local events out of order: local_ts 100 after 200 "
                            + "(hftbacktest's correct_event_order fixes this)",
                    e.getMessage());
        }
    }

    private static String errorOf(Path file) {
        return assertThrows(MarketDataException.class, () -> {
                    try (NpzEventReader reader = NpzEventReader.open(file)) {
                        while (reader.next()) {
                            // read to the error
                        }
                    }
                })
                .getMessage();
    }

    /** A version 1.0 .npy preamble and header, padded as numpy pads it. */
    private static byte[] header(String descr, String shape) {
        String dict = "{'descr': " + descr + ", 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    private static byte[] rows(int n) {
        return new byte[n * 64];
    }

    private Path npz(String name, byte[] header, byte[] data) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("data.npy"));
            zip.write(header);
            zip.write(data);
            zip.closeEntry();
        }
        return file;
    }
}
