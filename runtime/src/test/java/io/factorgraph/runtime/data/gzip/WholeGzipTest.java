package io.factorgraph.runtime.data.gzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libdeflate's whole-file inflation gives the very bytes the JDK's streaming {@link GZIPInputStream} gives, and
 * leaves to it (empty) every file it cannot take as a whole: cut, corrupt, with bytes after the last member, or
 * when the JDK's inflater is asked for.
 */
class WholeGzipTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(WholeGzip.INFLATER_PROPERTY);
    }

    @Test
    void libdeflateIsThereToTest() {
        assertTrue(
                WholeGzip.available(),
                "libdeflate was not found: install it (Debian: apt-get install libdeflate0; bin/test does) so the "
                        + "fast inflater is tested");
    }

    @Test
    void everyRecordedFeedInflatesToTheJdksBytes() throws IOException {
        Path data = RecordedData.file("usdm_btcusdt_20240808.gz").getParent();
        List<Path> feeds;
        try (Stream<Path> files = Files.list(data)) {
            feeds = files.filter(f -> f.toString().endsWith(".gz")).sorted().toList();
        }
        assertTrue(feeds.size() >= 5, "the recorded feeds: " + feeds);
        for (Path feed : feeds) {
            byte[] expected = jdk(Files.readAllBytes(feed));
            WholeGzip.Inflated whole = WholeGzip.inflate(feed).orElseThrow(() -> new AssertionError(feed + " refused"));
            assertEquals(expected.length, whole.length(), feed::toString);
            assertArrayEquals(expected, Arrays.copyOf(whole.bytes(), whole.length()), feed::toString);
        }
    }

    /** Members of random sizes and compression levels; the last one small, so the first guess of the size is short. */
    @Property(tries = 60)
    void concatenatedMembersInflateToTheJdksBytes(
            @ForAll @IntRange(min = 1, max = 5) int members,
            @ForAll @IntRange(min = 0, max = 300_000) int size,
            @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int m = 0; m < members; m++) {
            byte[] text = text(random, m == members - 1 ? random.nextInt(64) : size);
            file.writeBytes(gzip(text, random.nextInt(10)));
        }
        Path path = Files.createTempFile("fg-members", ".gz"); // a jqwik property has no @TempDir
        try {
            Files.write(path, file.toByteArray());
            byte[] expected = jdk(file.toByteArray());
            WholeGzip.Inflated whole = WholeGzip.inflate(path).orElseThrow();
            assertArrayEquals(expected, Arrays.copyOf(whole.bytes(), whole.length()));
        } finally {
            Files.delete(path);
        }
    }

    @Test
    void aCutFileIsLeftToTheStreamingReader() throws IOException {
        byte[] gz = gzip(text(new Random(1), 200_000), 6);
        for (int cut : new int[] {gz.length - 1, gz.length - 8, gz.length / 2, 11}) {
            assertEquals(Optional.empty(), WholeGzip.inflate(write("cut.gz", Arrays.copyOf(gz, cut))), "cut at " + cut);
        }
    }

    @Test
    void aWrongChecksumOrLengthIsLeftToTheStreamingReader() throws IOException {
        byte[] gz = gzip(text(new Random(2), 50_000), 6);
        byte[] crc = gz.clone();
        crc[crc.length - 8] ^= 1;
        assertFalse(WholeGzip.inflate(write("crc.gz", crc)).isPresent(), "a CRC-32 that does not match");
        byte[] length = gz.clone();
        length[length.length - 1] ^= 1;
        assertFalse(WholeGzip.inflate(write("length.gz", length)).isPresent(), "a length that does not match");
        byte[] body = gz.clone();
        body[body.length / 2] ^= (byte) 0xff;
        assertFalse(WholeGzip.inflate(write("body.gz", body)).isPresent(), "corrupt compressed data");
    }

    /** The JDK's stream stops quietly at bytes that are not another member; the streaming reader keeps that rule. */
    @Test
    void bytesAfterTheLastMemberAreLeftToTheStreamingReader() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(gzip(text(new Random(3), 10_000), 6));
        file.writeBytes(new byte[] {0, 0, 0, 0});
        assertFalse(WholeGzip.inflate(write("padded.gz", file.toByteArray())).isPresent());
    }

    @Test
    void theJdksInflaterWhenAskedFor() throws IOException {
        Path path = write("asked.gz", gzip(text(new Random(4), 1_000), 6));
        assertTrue(WholeGzip.inflate(path).isPresent());
        System.setProperty(WholeGzip.INFLATER_PROPERTY, "jdk");
        assertFalse(WholeGzip.available());
        assertFalse(WholeGzip.inflate(path).isPresent());
    }

    /** A released array is the next file's, and the next file reads only its own bytes from it. */
    @Test
    void anArrayGivenBackIsReusedForTheNextFile() throws IOException {
        WholeGzip.forgetKeptArrays(); // other tests' files gave theirs back
        byte[] bigText = text(new Random(5), 400_000);
        byte[] smallText = text(new Random(6), 1_000);
        WholeGzip.Inflated big =
                WholeGzip.inflate(write("big.gz", gzip(bigText, 6))).orElseThrow();
        byte[] array = big.bytes();
        WholeGzip.release(big);
        WholeGzip.Inflated small =
                WholeGzip.inflate(write("small.gz", gzip(smallText, 6))).orElseThrow();
        assertTrue(small.bytes() == array, "the released array was taken again");
        assertEquals(smallText.length, small.length());
        assertArrayEquals(smallText, Arrays.copyOf(small.bytes(), small.length()));
        WholeGzip.Inflated other =
                WholeGzip.inflate(write("other.gz", gzip(bigText, 6))).orElseThrow();
        assertFalse(other.bytes() == array, "an array in use is not handed out twice");
        WholeGzip.release(small);
        WholeGzip.release(other);
    }

    @Test
    void anEmptyMemberInflatesToNothing() throws IOException {
        WholeGzip.Inflated whole =
                WholeGzip.inflate(write("empty.gz", gzip(new byte[0], 6))).orElseThrow();
        assertEquals(0, whole.length());
    }

    /** Text shaped like a feed's JSON lines, so it compresses like one. */
    private static byte[] text(Random random, int size) {
        StringBuilder out = new StringBuilder(size + 64);
        while (out.length() < size) {
            out.append("{\"u\":")
                    .append(random.nextInt(1_000_000))
                    .append(",\"b\":[[\"61660.")
                    .append(random.nextInt(10))
                    .append("\",\"")
                    .append(random.nextInt(100) / 1000.0)
                    .append("\"]]}\n");
        }
        return out.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] gzip(byte[] text, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(level == 0 ? Deflater.NO_COMPRESSION : level);
            }
        }) {
            gz.write(text);
        }
        return out.toByteArray();
    }

    private static byte[] jdk(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
            return in.readAllBytes();
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return path;
    }
}
