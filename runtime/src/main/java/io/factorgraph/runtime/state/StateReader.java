package io.factorgraph.runtime.state;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link StateWriter} wrote, in the same order. Reading past the end is a {@link SnapshotException}
 * ("truncated"), never an index error, so a short file is reported as such.
 */
public final class StateReader {
    private final byte[] bytes;
    private final int end;
    private int position;
    private final String what;

    /**
     * @param what names the snapshot in errors, e.g. its file
     */
    public StateReader(byte[] bytes, int from, int to, String what) {
        this.bytes = bytes;
        this.position = from;
        this.end = to;
        this.what = what;
    }

    public boolean readBoolean() {
        int b = readByte();
        if (b != 0 && b != 1) {
            throw corrupt("a boolean byte " + b);
        }
        return b == 1;
    }

    public int readByte() {
        need(1);
        return bytes[position++] & 0xff;
    }

    public int readInt() {
        need(4);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (bytes[position++] & 0xff);
        }
        return value;
    }

    public long readLong() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xffL);
        }
        return value;
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /** A length written by {@link StateWriter#writeDoubles}, checked against what is left. */
    public int readLength(int elementBytes) {
        int length = readInt();
        if (length < 0 || (long) length * elementBytes > end - position) {
            throw corrupt("a length of " + length);
        }
        return length;
    }

    /** Doubles written by {@link StateWriter#writeDoubles}, into a new array. */
    public double[] readDoubles() {
        double[] values = new double[readLength(8)];
        for (int i = 0; i < values.length; i++) {
            values[i] = readDouble();
        }
        return values;
    }

    /** Longs written by {@link StateWriter#writeLongs}, into a new array. */
    public long[] readLongs() {
        long[] values = new long[readLength(8)];
        for (int i = 0; i < values.length; i++) {
            values[i] = readLong();
        }
        return values;
    }

    /** Bytes written by {@link StateWriter#writeBytes}, into a new array. */
    public byte[] readBytes() {
        int length = readLength(1);
        byte[] value = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    public String readString() {
        int length = readLength(1);
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** Bytes left unread. */
    public int remaining() {
        return end - position;
    }

    /** A one-line error about this snapshot's content: {@code <what>: corrupted snapshot: <detail>}. */
    public SnapshotException corrupt(String detail) {
        return new SnapshotException(what + ": corrupted snapshot: unexpected " + detail);
    }

    private void need(int count) {
        if (end - position < count) {
            throw new SnapshotException(
                    what + ": truncated snapshot: the state ends " + (count - (end - position)) + " bytes early");
        }
    }
}
