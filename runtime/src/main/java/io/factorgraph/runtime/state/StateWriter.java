package io.factorgraph.runtime.state;

import java.util.Arrays;

/**
 * Where a node or a book writes its state: primitives in a fixed big-endian layout, doubles as their raw bits so a
 * restored NaN payload or signed zero is the very value written. Taking a snapshot is not on the tick path; the
 * buffer grows as needed.
 */
public final class StateWriter {
    private byte[] bytes = new byte[256];
    private int size;

    public void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    public void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    public void writeInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    public void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    public void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    /** A length, then that many doubles. */
    public void writeDoubles(double[] values, int from, int length) {
        writeInt(length);
        for (int i = 0; i < length; i++) {
            writeDouble(values[from + i]);
        }
    }

    /** A length, then that many longs. */
    public void writeLongs(long[] values, int from, int length) {
        writeInt(length);
        for (int i = 0; i < length; i++) {
            writeLong(values[from + i]);
        }
    }

    /** A length, then the bytes. */
    public void writeBytes(byte[] value) {
        writeInt(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    public void writeString(String value) {
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
