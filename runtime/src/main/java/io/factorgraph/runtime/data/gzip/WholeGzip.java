package io.factorgraph.runtime.data.gzip;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A gzip file inflated whole into one array by libdeflate, the system's library when it has one (Debian's
 * {@code libdeflate0}), called through the foreign-function API.
 *
 * <p>Why: inflating was the floor under every replay of a recorded {@code .gz} feed. The JDK's zlib inflates the
 * USD-M BTCUSDT day at about 5 M events' worth of JSON per second, below the decoder's target before any JSON is
 * scanned; libdeflate inflates it several times faster (the bench's {@code ReplayBench.gunzip} and
 * {@code wholeGunzip} rows). libdeflate has no streaming interface, so a file is inflated whole, member after
 * member, into one heap array the line reader then scans in place.
 *
 * <p>What it never changes: the bytes. DEFLATE defines them, and libdeflate checks every member's CRC-32 and
 * length. Whatever it does not accept is left to the caller's streaming {@code GZIPInputStream}, which reads it
 * exactly as before, errors included (where a file is cut or corrupt, which line): {@link #inflate} is then
 * empty. It is empty too when libdeflate is not installed, when {@code -Dfactorgraph.inflater=jdk} asks for the
 * JDK's inflater, and when the inflated file would not fit in {@link #maxBytes()} (a quarter of the heap, at
 * most 1 GiB), so a file of any size still streams.
 *
 * <p>The call is a critical one (it may not block, and reads and writes the heap arrays directly, with no copy):
 * the garbage collector waits for it, about 20 ms for a day of USD-M BTCUSDT.
 *
 * <p>A reader done with a file gives its array back ({@link #release}) for the next file: a day's feed inflates to
 * tens of MB, and a new array is zeroed before libdeflate writes it, which cost as much as a third of the
 * inflating. A few arrays are kept, softly, so memory the heap needs is never held.
 */
public final class WholeGzip {
    /** The system property that asks for the JDK's inflater ({@code jdk}); otherwise libdeflate is used when found. */
    public static final String INFLATER_PROPERTY = "factorgraph.inflater";

    private static final List<String> LIBRARY_NAMES =
            List.of("libdeflate.so.0", "libdeflate.so", "libdeflate.dylib", "libdeflate.0.dylib");
    private static final int SUCCESS = 0;
    private static final int INSUFFICIENT_SPACE = 3;
    private static final long MAX_BYTES = 1L << 30;
    private static final int GZIP_TRAILER = 8;

    private static final int POOLED = 4;

    private static final Library LIBRARY = Library.load();
    private static final List<SoftReference<byte[]>> POOL = new ArrayList<>();

    private WholeGzip() {}

    /** Whether libdeflate was found and {@value #INFLATER_PROPERTY} does not ask for the JDK's inflater. */
    public static boolean available() {
        return LIBRARY != null && !"jdk".equals(System.getProperty(INFLATER_PROPERTY));
    }

    /** The largest inflated file this class makes: a quarter of the heap, at most 1 GiB. */
    public static long maxBytes() {
        return Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * The file's inflated bytes, every member in order; empty when it must be streamed instead (see the class
     * comment).
     *
     * @throws IOException when the file cannot be read
     */
    public static Optional<Inflated> inflate(Path file) throws IOException {
        if (!available()) {
            return Optional.empty();
        }
        final long max = maxBytes();
        final long size = Files.size(file);
        if (size > max) {
            return Optional.empty();
        }
        final byte[] in = take((int) size);
        try {
            final int length = readFully(file, in, (int) size);
            return LIBRARY.inflate(in, length, max);
        } finally {
            release(in);
        }
    }

    /**
     * Gives an inflated file's array back for another file to inflate into; {@code inflated} must not be read after.
     */
    public static void release(Inflated inflated) {
        release(inflated.bytes());
    }

    private static void release(byte[] array) {
        synchronized (POOL) {
            if (POOL.size() < POOLED) {
                POOL.add(new SoftReference<>(array));
            }
        }
    }

    /** Reads up to {@code size} bytes of {@code file} into {@code into}; returns how many there were. */
    private static int readFully(Path file, byte[] into, int size) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer buffer = ByteBuffer.wrap(into, 0, size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // a file read in as many calls as the system needs
            }
            return buffer.position();
        }
    }

    /** Drops every kept array: a test that follows one array through the pool starts from an empty one. */
    static void forgetKeptArrays() {
        synchronized (POOL) {
            POOL.clear();
        }
    }

    /** The smallest kept array of at least {@code min} bytes (so large ones stay for large files), else a new one. */
    private static byte[] take(int min) {
        synchronized (POOL) {
            POOL.removeIf(kept -> kept.get() == null);
            byte[] best = null;
            SoftReference<byte[]> bestRef = null;
            for (SoftReference<byte[]> ref : POOL) {
                byte[] kept = ref.get();
                if (kept != null && kept.length >= min && (best == null || kept.length < best.length)) {
                    best = kept;
                    bestRef = ref;
                }
            }
            if (best != null) {
                POOL.remove(bestRef);
                return best;
            }
        }
        return new byte[min];
    }

    /** An inflated file: its bytes are {@code bytes[0, length)}. */
    public record Inflated(byte[] bytes, int length) {}

    /** The three functions of libdeflate's decompressor, bound once. */
    private record Library(MethodHandle alloc, MethodHandle free, MethodHandle gzipDecompress) {
        @SuppressWarnings("restricted") // native access is what this class is for; see the class comment
        static Library load() {
            for (String name : LIBRARY_NAMES) {
                try {
                    return bind(SymbolLookup.libraryLookup(name, Arena.global()));
                } catch (IllegalArgumentException | UnsupportedOperationException | IllegalCallerException e) {
                    // not this name, or native access is not allowed: try the next, else the JDK's inflater
                }
            }
            return null;
        }

        @SuppressWarnings("restricted")
        private static Library bind(SymbolLookup lookup) {
            Linker linker = Linker.nativeLinker();
            ValueLayout.OfLong sizeT = ValueLayout.JAVA_LONG;
            return new Library(
                    linker.downcallHandle(
                            lookup.findOrThrow("libdeflate_alloc_decompressor"),
                            FunctionDescriptor.of(ValueLayout.ADDRESS)),
                    linker.downcallHandle(
                            lookup.findOrThrow("libdeflate_free_decompressor"),
                            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS)),
                    linker.downcallHandle(
                            lookup.findOrThrow("libdeflate_gzip_decompress_ex"),
                            FunctionDescriptor.of(
                                    ValueLayout.JAVA_INT,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.ADDRESS,
                                    sizeT,
                                    ValueLayout.ADDRESS,
                                    sizeT,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.ADDRESS),
                            Linker.Option.critical(true)));
        }

        Optional<Inflated> inflate(byte[] in, int inLength, long max) {
            final MemorySegment decompressor;
            try {
                decompressor = (MemorySegment) alloc.invokeExact();
            } catch (Throwable e) {
                return Optional.empty();
            }
            if (decompressor.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            try {
                return members(decompressor, in, inLength, max);
            } catch (Throwable e) {
                return Optional.empty();
            } finally {
                try {
                    free.invokeExact(decompressor);
                } catch (Throwable ignored) {
                    // freeing a decompressor cannot fail
                }
            }
        }

        /** Inflates member after member; the output grows (the member is inflated again) when it is too small. */
        private Optional<Inflated> members(MemorySegment decompressor, byte[] in, int inLength, long max)
                throws Throwable {
            byte[] out = take((int) Math.min(max, initialCapacity(in, inLength)));
            long[] actual = new long[2];
            MemorySegment inSegment = MemorySegment.ofArray(in);
            MemorySegment actualIn = MemorySegment.ofArray(actual).asSlice(0, Long.BYTES);
            MemorySegment actualOut = MemorySegment.ofArray(actual).asSlice(Long.BYTES, Long.BYTES);
            int inPos = 0;
            int outPos = 0;
            while (inPos < inLength) {
                int result = (int) gzipDecompress.invokeExact(
                        decompressor,
                        inSegment.asSlice(inPos),
                        (long) (inLength - inPos),
                        MemorySegment.ofArray(out).asSlice(outPos),
                        (long) (out.length - outPos),
                        actualIn,
                        actualOut);
                if (result == INSUFFICIENT_SPACE) {
                    if (out.length >= max) {
                        return Optional.empty();
                    }
                    out = Arrays.copyOf(out, (int) Math.min(max, 2L * out.length));
                    continue;
                }
                if (result != SUCCESS || actual[0] <= 0) {
                    return Optional.empty();
                }
                inPos += (int) actual[0];
                outPos += (int) actual[1];
            }
            return Optional.of(new Inflated(out, outPos));
        }

        /** The last member's length from its trailer (the whole file's, for one member), or four times the file. */
        private static long initialCapacity(byte[] in, int n) {
            if (n < GZIP_TRAILER) {
                return 1;
            }
            long isize = (in[n - 4] & 0xffL)
                    | (in[n - 3] & 0xffL) << 8
                    | (in[n - 2] & 0xffL) << 16
                    | (in[n - 1] & 0xffL) << 24;
            return Math.max(isize, 4L * n);
        }
    }
}
