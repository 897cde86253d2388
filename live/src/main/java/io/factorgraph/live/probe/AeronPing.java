package io.factorgraph.live.probe;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.MediaDrivers;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The raw Aeron baseline for the live hops: ping-pong of small messages between two threads of this JVM through a
 * media driver with the live processes' settings ({@link MediaDrivers}), half the round trip recorded per message. What
 * a live hop costs above this is ours (encoding, decoding, the process's own work and idling). For the bench module.
 */
public final class AeronPing {
    private static final int PING_STREAM = 9001;
    private static final int PONG_STREAM = 9002;

    private AeronPing() {
    }

    /**
     * Runs {@code warmup + messages} round trips of {@code length}-byte messages on {@code channel} (e.g.
     * {@code aeron:ipc}); returns the one-way latencies (half round trips) of the last {@code messages}.
     */
    public static LatencyProbe run(String channel, int length, int warmup, int messages, IdleMode idle)
            throws InterruptedException {
        String dir = "/dev/shm/fg-ping-" + UUID.randomUUID().toString().substring(0, 8);
        LatencyProbe probe = new LatencyProbe("raw Aeron one-way (" + channel + ", " + length + " B)");
        try (MediaDriver driver = MediaDrivers.launch(dir, idle);
                Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(dir));
                Publication ping = aeron.addExclusivePublication(channel, PING_STREAM);
                Subscription pingIn = aeron.addSubscription(channel, PING_STREAM);
                Publication pong = aeron.addExclusivePublication(channel, PONG_STREAM);
                Subscription pongIn = aeron.addSubscription(channel, PONG_STREAM)) {
            int total = warmup + messages;
            Thread echo = new Thread(() -> {
                IdleStrategy wait = idle.newStrategy();
                int[] echoed = {0};
                FragmentAssembler back = new FragmentAssembler((buffer, offset, len, header) -> {
                    while (pong.offer(buffer, offset, len) < 0) {
                        wait.idle();
                    }
                    echoed[0]++;
                });
                while (echoed[0] < total) {
                    wait.idle(pingIn.poll(back, 16));
                }
            }, "aeron-pong");
            echo.setDaemon(true);
            echo.start();
            while (!ping.isConnected() || !pong.isConnected()) {
                Thread.sleep(1);
            }
            UnsafeBuffer message = new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(length, 8)));
            IdleStrategy wait = idle.newStrategy();
            long[] received = {0};
            FragmentAssembler in = new FragmentAssembler((buffer, offset, len, header) -> received[0] =
                    buffer.getLong(offset));
            for (int i = 0; i < total; i++) {
                long sent = System.nanoTime();
                message.putLong(0, sent);
                while (ping.offer(message, 0, length) < 0) {
                    wait.idle();
                }
                received[0] = 0;
                while (received[0] != sent) {
                    wait.idle(pongIn.poll(in, 1));
                }
                if (i >= warmup) {
                    probe.recordValue((System.nanoTime() - sent) / 2);
                }
            }
            echo.join(5_000);
        }
        return probe;
    }
}
