package io.factorgraph.backtest.exchange.latency;

import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.LatencyModel;

/**
 * The wire between the strategy and the exchange: requests on their way to the exchange and reports on their way
 * back, each delayed by the {@link LatencyModel} and each kept in order (a request never overtakes an earlier one, a
 * report never an earlier report), as over one TCP connection.
 *
 * <p>Holds the two queues in flight; the simulator drains them in time order with market events. Adding a latency
 * model does not touch this class: it only asks the model for the entry and response latency at a given time.
 */
public final class LatencyLink {
    private final LatencyModel latency;
    private final RequestQueue requests = new RequestQueue(64);
    private final ReportQueue reports = new ReportQueue(256);
    private long lastArrival = Long.MIN_VALUE;
    private long lastReceipt = Long.MIN_VALUE;

    public LatencyLink(LatencyModel latency) {
        if (latency == null) {
            throw new NullPointerException("latency");
        }
        this.latency = latency;
    }

    /** Requests in flight, oldest first. */
    public RequestQueue requests() {
        return requests;
    }

    /** Reports in flight, oldest first. */
    public ReportQueue reports() {
        return reports;
    }

    /** When a request sent at {@code localTime} reaches the exchange: after the entry latency, never before an earlier one. */
    public long arrival(long localTime) {
        long a = localTime + latency.entry(localTime);
        if (a < lastArrival) {
            a = lastArrival;
        }
        lastArrival = a;
        return a;
    }

    /** When a report sent at {@code exchTime} reaches the strategy: after the response latency, in order. */
    public long receipt(long exchTime) {
        long r = exchTime + latency.response(exchTime);
        if (r < lastReceipt) {
            r = lastReceipt;
        }
        lastReceipt = r;
        return r;
    }

    /** Sends a request: a new order or a cancel, sent by the strategy at {@code localTime}. */
    public void sendRequest(
            boolean cancel, long orderId, boolean buy, boolean gtx, long priceTicks, long lots, long localTime) {
        requests.add(cancel, orderId, buy, gtx, priceTicks, lots, arrival(localTime));
    }

    /**
     * Sends a report the exchange made at {@code r.exchTime()}: sets its receive time and queues a copy; returns the
     * receive time.
     */
    public long sendReport(ExecutionReport r) {
        long receipt = receipt(r.exchTime());
        r.times(r.exchTime(), receipt);
        reports.add(r);
        return receipt;
    }

    /** The receive time of the last report sent, or {@link Long#MIN_VALUE}. */
    public long lastReceipt() {
        return lastReceipt;
    }
}
