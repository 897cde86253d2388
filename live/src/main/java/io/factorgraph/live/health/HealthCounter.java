package io.factorgraph.live.health;

/**
 * One health figure of a live process, with its Aeron counter type id (in 7100..7199, clear of Aeron's own, its
 * archive's and its cluster's) and the label {@code AeronStat} shows after {@code fg live ROLE pid N:}. Counts only
 * grow; the {@code _MAX_NS} figures are the largest value seen.
 */
public enum HealthCounter {
    // connector
    MARKET_DATA_EVENTS_SENT(7100, "market data events sent"),
    MARKET_DATA_MESSAGES_SENT(7101, "market data messages sent"),
    SNAPSHOTS_SENT(7102, "snapshots sent"),
    ORDERS_RECEIVED(7103, "new orders received"),
    CANCELS_RECEIVED(7104, "cancels received"),
    CANCEL_ALLS_DONE(7105, "cancel-alls done"),
    ORDER_STREAM_GAPS(7106, "order stream gaps"),
    STRATEGY_DOWN_SWEEPS(7107, "cancel on disconnect sweeps"),
    NEW_STRATEGY_INSTANCES(7108, "new strategy instances"),
    REPORTS_SENT(7109, "execution reports sent"),
    RESTING_ORDERS(7110, "orders resting at the venue"),
    // engine
    MARKET_DATA_SEQUENCE(7120, "last market data message number"),
    MARKET_DATA_GAPS(7121, "market data gaps"),
    RESYNCS(7122, "re-syncs completed"),
    TICKS(7123, "ticks"),
    FACTOR_UPDATES_SENT(7124, "factor updates sent"),
    // strategy
    FACTOR_UPDATES_RECEIVED(7140, "factor updates received"),
    FACTOR_GAPS(7141, "factor stream gaps"),
    UPDATES_TRADED(7142, "updates traded on"),
    HALTS(7143, "halts"),
    STALE_HALTS(7144, "halts: stale factors"),
    GAP_HALTS(7145, "halts: factor gap"),
    NOT_WARM_HALTS(7146, "halts: engine not warm"),
    PEER_HALTS(7147, "halts: peer down"),
    CANCEL_ALLS_SENT(7148, "cancel-alls sent"),
    EXECUTION_GAPS(7149, "execution stream gaps"),
    ENGINE_RESTARTS(7150, "engine restarts seen"),
    REPORTS_RECEIVED(7151, "execution reports received"),
    QUOTING(7152, "quoting (1) or halted (0)"),
    // every process: the hop it receives on (the strategy: factors; and reports)
    HOP_LATENCY_MAX_NS(7190, "largest hop latency received, ns"),
    REPORT_HOP_LATENCY_MAX_NS(7191, "largest execution report hop latency, ns");

    private final int typeId;
    private final String label;

    HealthCounter(int typeId, String label) {
        this.typeId = typeId;
        this.label = label;
    }

    public int typeId() {
        return typeId;
    }

    public String label() {
        return label;
    }

    /** The figure of a type id, or null for a counter that is not one of ours. */
    public static HealthCounter ofTypeId(int typeId) {
        for (HealthCounter counter : values()) {
            if (counter.typeId == typeId) {
                return counter;
            }
        }
        return null;
    }
}
