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
 */
public final class Streams {
    public static final int MARKET_DATA = 1001;
    public static final int FACTORS = 1002;
    public static final int ORDERS = 1003;
    public static final int EXECUTIONS = 1004;
    public static final int CONTROL = 1005;

    private Streams() {}
}
