package io.factorgraph.venue.binance;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The lines a live feed received, handed from the network threads to the reader's thread as an {@link InputStream}
 * (so the recorded files' parser reads them unchanged). {@link #read} blocks until a line arrives; {@link #close()}
 * is the end of the data once the lines already queued are read.
 */
final class LineQueue extends InputStream {
    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private byte[] current;
    private int pos;
    private volatile boolean closed;

    /** Queues one line (a newline is added). */
    void put(String line) {
        if (!closed) {
            lines.add((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** How many lines wait to be read. */
    int backlog() {
        return lines.size();
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (current == null || pos >= current.length) {
            try {
                current = lines.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            pos = 0;
            if (current == END) {
                lines.add(END); // every later read ends too
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        // what else is already here goes in the same read, so that a burst costs one wake-up
        while (n < len && pos >= current.length) {
            byte[] next = lines.peek();
            if (next == null || next == END || next.length > len - n) {
                break;
            }
            lines.poll();
            System.arraycopy(next, 0, b, off + n, next.length);
            n += next.length;
        }
        return n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lines.add(END);
        }
    }
}
