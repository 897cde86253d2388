package io.factorgraph.runtime.data.fgev;

import io.factorgraph.runtime.market.EventFlags;

/**
 * factorgraph's own event file ({@code .fgev}): a small header followed by hftbacktest's 64-byte events,
 * so that replay is a binary scan instead of gzip and JSON. Written by {@link EventFileWriter}
 * ({@code fg convert}), read by {@link EventFileReader}.
 *
 * <h2>Format, version 1</h2>
 *
 * <p>All integers are little-endian. A file is a header of {@code H} bytes, then {@code N} records of 64
 * bytes, and nothing else: its size is exactly {@code H + 64 N}.
 *
 * <table class="striped">
 *   <caption>The header</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>8</td><td>magic: the bytes {@code 89 46 47 45 56 0D 0A 1A}
 *       ({@code "\x89FGEV\r\n\x1a"}; as in PNG, the high byte and the line endings catch text-mode
 *       transfers)</td></tr>
 *   <tr><td>8</td><td>2</td><td>format version, unsigned: {@value #VERSION}</td></tr>
 *   <tr><td>10</td><td>2</td><td>record length, unsigned: {@value #RECORD_BYTES}</td></tr>
 *   <tr><td>12</td><td>4</td><td>{@code H}, the header length, unsigned: a multiple of 64, at least 64,
 *       so that every record is 64-byte aligned in the file (and in a page-aligned mapping)</td></tr>
 *   <tr><td>16</td><td>8</td><td>{@code N}, the event count (at most {@code 2^56}, so that the size
 *       fits a signed 64-bit count)</td></tr>
 *   <tr><td>24</td><td>8</td><td>flags; version 1 defines bit 0, {@link #FLAG_END_OF_MESSAGE}. A reader
 *       refuses a file with a flag it does not know</td></tr>
 *   <tr><td>32</td><td>8</td><td>{@code local_ts} of the first event, signed (0 when {@code N = 0})</td></tr>
 *   <tr><td>40</td><td>8</td><td>{@code local_ts} of the last event, signed (0 when {@code N = 0})</td></tr>
 *   <tr><td>48</td><td>2</td><td>{@code S}, the length of the symbol in bytes, unsigned (may be 0)</td></tr>
 *   <tr><td>50</td><td>2</td><td>{@code D}, the length of the source description in bytes, unsigned
 *       (may be 0)</td></tr>
 *   <tr><td>52</td><td>12</td><td>reserved, written as zeros, ignored by readers</td></tr>
 *   <tr><td>64</td><td>{@code S}</td><td>the instrument's symbol, UTF-8 (for a Binance feed, the
 *       stream's symbol such as {@code btcusdt})</td></tr>
 *   <tr><td>{@code 64+S}</td><td>{@code D}</td><td>where the events came from, UTF-8, free text (the
 *       input files and options of {@code fg convert})</td></tr>
 *   <tr><td>{@code 64+S+D}</td><td>&nbsp;</td><td>zeros up to {@code H}</td></tr>
 * </table>
 *
 * <p>Record {@code i} starts at {@code H + 64 i}; it is hftbacktest's {@code Event}, field for field:
 *
 * <table class="striped">
 *   <caption>A record</caption>
 *   <tr><th>offset</th><th>numpy type</th><th>field</th></tr>
 *   <tr><td>0</td><td>{@code <u8}</td><td>{@code ev}: {@link EventFlags}, plus {@link #END_OF_MESSAGE_BIT}</td></tr>
 *   <tr><td>8</td><td>{@code <i8}</td><td>{@code exch_ts}, ns</td></tr>
 *   <tr><td>16</td><td>{@code <i8}</td><td>{@code local_ts}, ns</td></tr>
 *   <tr><td>24</td><td>{@code <f8}</td><td>{@code px}</td></tr>
 *   <tr><td>32</td><td>{@code <f8}</td><td>{@code qty}</td></tr>
 *   <tr><td>40</td><td>{@code <u8}</td><td>{@code order_id}</td></tr>
 *   <tr><td>48</td><td>{@code <i8}</td><td>{@code ival}</td></tr>
 *   <tr><td>56</td><td>{@code <f8}</td><td>{@code fval}</td></tr>
 * </table>
 *
 * <h3>End-of-message marks</h3>
 * With {@link #FLAG_END_OF_MESSAGE} set (every file {@link EventFileWriter} writes), bit 32 of {@code ev}
 * ({@link #END_OF_MESSAGE_BIT}) is set on the last event of each message ({@code MarketEvent#endOfMessage()})
 * and clear on every other. hftbacktest uses bits 0-7 (the kind) and 28-31 (side and timeline) of
 * {@code ev} and nothing above bit 31, so the mark fits without changing the 64-byte layout; a reader
 * strips it, so {@code ev} reads back exactly as the source had it, and a writer refuses an event whose
 * {@code ev} already uses bit 32. Without the flag, no marks are recorded: {@code ev} is read as stored
 * and every event ends a message.
 *
 * <h3>Writing</h3>
 * A writer streams the records after a placeholder header and writes the header last, when the count
 * and the last {@code local_ts} are known, into a temporary file that is then renamed onto the
 * destination ({@link EventFileWriter}): a file under its final name is always complete.
 *
 * <h3>Invariants a reader checks</h3>
 * Magic, version ({@code 1}), record length ({@code 64}), header length (a multiple of 64 that holds the
 * symbol and the description), no unknown flags, file size exactly {@code H + 64 N}, and, while reading,
 * events flagged {@code LOCAL_EVENT} never going back in {@code local_ts}. There is no checksum: the
 * file is a replay cache for data whose originals are kept, not an archive.
 *
 * <h3>Reading it with numpy</h3>
 * <pre>{@code
 * import numpy as np
 * EVENT = np.dtype([('ev', '<u8'), ('exch_ts', '<i8'), ('local_ts', '<i8'), ('px', '<f8'), ('qty', '<f8'),
 *                   ('order_id', '<u8'), ('ival', '<i8'), ('fval', '<f8')])
 * head = np.fromfile(path, dtype=np.uint8, count=64).tobytes()
 * assert head[:8] == b'\x89FGEV\r\n\x1a' and int.from_bytes(head[8:10], 'little') == 1
 * h, n = int.from_bytes(head[12:16], 'little'), int.from_bytes(head[16:24], 'little')
 * events = np.memmap(path, dtype=EVENT, mode='r', offset=h, shape=(n,))
 * end_of_message = (events['ev'] >> 32) & 1 == 1
 * ev = events['ev'] & ~np.uint64(1 << 32)      # the flags as hftbacktest knows them
 * }</pre>
 * hftbacktest's {@code Event::is} ignores bits it does not test, so the marked array also works where
 * only {@code is}-style tests are made; to hand hftbacktest a plain array, clear bit 32 as above, or
 * write an {@code .npz} with {@code fg convert -o OUT.npz}.
 *
 * <h3>Compatibility</h3>
 * A change a version-1 reader would misread raises the version; a reader refuses versions newer than
 * its own. Optional information a version-1 reader may ignore goes into the header's free space
 * (the reserved bytes, or after the description within {@code H}).
 */
public final class EventFile {
    /** The file name ending, lower case. */
    public static final String EXTENSION = ".fgev";
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;
    /** Bytes per event record: hftbacktest's {@code Event}. */
    public static final int RECORD_BYTES = 64;
    /** Bytes of the fixed part of the header; also the unit the header length is a multiple of. */
    public static final int FIXED_HEADER_BYTES = 64;
    /** Flag: bit 32 of {@code ev} marks the last event of a message and is not part of the flags. */
    public static final long FLAG_END_OF_MESSAGE = 1;
    /** The flags this version defines. */
    public static final long KNOWN_FLAGS = FLAG_END_OF_MESSAGE;
    /** The bit of {@code ev} that carries {@code endOfMessage} under {@link #FLAG_END_OF_MESSAGE}. */
    public static final long END_OF_MESSAGE_BIT = 1L << 32;
    /** The most events a file can declare: {@code H + 64 N} must fit in a signed 64-bit byte count. */
    public static final long MAX_EVENTS = 1L << 56;
    /** The longest symbol and source description, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 0xFFFF;

    static final byte[] MAGIC = {(byte) 0x89, 'F', 'G', 'E', 'V', '\r', '\n', 0x1A};

    private EventFile() {}

    /** Whether a file name ends in {@link #EXTENSION}, ignoring case. */
    public static boolean hasExtension(String fileName) {
        return fileName.regionMatches(true, fileName.length() - EXTENSION.length(), EXTENSION, 0, EXTENSION.length());
    }
}
