package io.factorgraph.live.transport;

/**
 * The Aeron stream ids of the live processes. Each stream has one publisher process and, normally, one subscriber
 * process (monitors and tests may subscribe too):
 *
 * <table>
 *   <caption>streams</caption>
 *   <tr><th>stream</th><th>from</th><th>to</th><th>carries</th></tr>
 *   <tr><td>{@link #MARKET_DATA}</td><td>connector</td><td>engine</td><td>event batches, re-sync snapshots,
 *       end of data, heartbeats</td></tr>
 *   <tr><td>{@link #FACTORS}</td><td>engine</td><td>strategy</td><td>factor updates, end of stream, heartbeats</td></tr>
 *   <tr><td>{@link #ORDERS}</td><td>strategy</td><td>connector</td><td>new order, cancel, cancel all, lock-step clock,
 *       done, heartbeats</td></tr>
 *   <tr><td>{@link #EXECUTIONS}</td><td>connector</td><td>strategy</td><td>execution reports, cancel-all acks,
 *       lock-step clock, venue closed, heartbeats</td></tr>
 *   <tr><td>{@link #CONTROL}</td><td>engine</td><td>connector</td><td>re-sync requests, heartbeats</td></tr>
 * </table>
 *
 * <p>With several instruments (docs/DESIGN.md §11) market data, factors and control stay one stream each (a batch
 * names its feed, a factor update carries every book), while each traded instrument has its own venue and so its own
 * pair of order and execution streams: {@link #orders(int)} and {@link #executions(int)}, the ids above plus 100 times
 * the instrument's index (the index of its {@code Book} input). Instrument 0's are the ids above.
 */
public final class Streams {
    public static final int MARKET_DATA = 1001;
    public static final int FACTORS = 1002;
    public static final int ORDERS = 1003;
    public static final int EXECUTIONS = 1004;
    public static final int CONTROL = 1005;
    /** The distance between the order (and execution) streams of consecutive instruments. */
    public static final int PER_INSTRUMENT = 100;

    /** The order stream to the venue of instrument {@code index}. */
    public static int orders(int index) {
        return ORDERS + PER_INSTRUMENT * index;
    }

    /** The execution stream from the venue of instrument {@code index}. */
    public static int executions(int index) {
        return EXECUTIONS + PER_INSTRUMENT * index;
    }

    private Streams() {}
}
