package io.factorgraph.bench;

import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.ipc.Hop;
import io.factorgraph.bench.ipc.HopLink;
import io.factorgraph.bench.ipc.HopMessages;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * IPC hop latency (docs/DESIGN.md §10): one op is a round trip of one message over {@code aeron:ipc} between this thread and
 * an echo thread, through a media driver embedded with the live processes' settings ({@link HopLink}); JMH samples
 * the time of single round trips ({@link Mode#SampleTime}), and the report halves them: one-way = round trip / 2.
 *
 * <p>{@code hop}: {@code ping} and {@code ping-batch} are raw Aeron (bytes offered and copied out, no codec), the
 * baseline at the sizes of the small messages and of a market data batch; {@code market-data}, {@code factors},
 * {@code order} and {@code report} are the live hops as the live processes code them: encoded with the live codec into
 * a {@code SequencedPublication}, decoded on the other side by the receiving process's own path, sent back the same
 * way. Messages are real ones from the recorded feed ({@link HopMessages}). Both threads and the driver idle with
 * {@code yield} ({@link HopLink#IDLE}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = IpcHopBench.JVM_FLAG)
@State(Scope.Thread)
public class IpcHopBench {
    /** Aeron's Agrona needs this on Java 25 (the live module's {@code JvmFlags.REQUIRED}). */
    public static final String JVM_FLAG = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";

    @Param({"ping", "ping-batch", "market-data", "factors", "order", "report"})
    public String hop;

    @Param(BenchData.DEFAULT_FILE)
    public String data;

    private HopLink link;

    @Setup(Level.Trial)
    public void setUp() {
        link = HopLink.open(Hop.of(hop), HopMessages.load(data));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    /** One message there and back. */
    @Benchmark
    public void roundTrip() {
        link.roundTrip();
    }

    /** The link, for tests. */
    HopLink link() {
        return link;
    }
}
