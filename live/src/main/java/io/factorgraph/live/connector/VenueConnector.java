package io.factorgraph.live.connector;

import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.ShutdownSignal;
import java.util.ServiceLoader;

/**
 * The connector's seam for a real venue: a connector process that takes its market data and executes its orders at a
 * venue rather than replaying a file to the paper venue, speaking the same streams, messages and fail-safes to the
 * engine and the strategy. Implementations live in modules the core does not depend on and are found by {@link
 * ServiceLoader} under their role name ({@code LiveMain ROLE ...}).
 */
public interface VenueConnector {
    /** The process role, e.g. {@code binance-connector}. */
    String role();

    /** Runs the connector until it is done or signalled; returns the exit code. */
    int run(LiveArgs args, ProcessLog log, ShutdownSignal shutdown) throws Exception;

    /** The connector of role {@code role} on the class path, or null. */
    static VenueConnector find(String role) {
        for (VenueConnector c : ServiceLoader.load(VenueConnector.class)) {
            if (c.role().equals(role)) {
                return c;
            }
        }
        return null;
    }
}
