package io.factorgraph.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The user data stream's reconnect against the local protocol server: what happened while it was down (fills, a cancel
 * from elsewhere, a stop's closing order) reported exactly once after the reconnect, a fill seen both on the stream and
 * by the REST catch-up counted once, new post-only orders refused meanwhile, the {@code listenKeyExpired} path, and a
 * position that no longer agrees halting the gateway with a cancel-all.
 */
class ReconnectTest extends GatewayTestSupport {
    /** The lots of every fill of {@code clOrdId} reported so far. */
    private long filledLots(long clOrdId) {
        long lots = 0;
        for (Object[] u : updates) {
            OrderUpdate update = (OrderUpdate) u[1];
            if ((long) u[0] == clOrdId && update.execType().equals("TRADE")) {
                lots += Math.round(update.lastQty() / GRID.lotSize());
            }
        }
        return lots;
    }

    private Set<Long> tradeIds() {
        Set<Long> ids = new HashSet<>();
        for (Object[] u : updates) {
            OrderUpdate update = (OrderUpdate) u[1];
            if (update.execType().equals("TRADE")) {
                assertTrue(ids.add(update.tradeId()), "trade " + update.tradeId() + " reported twice: " + describe());
            }
        }
        return ids;
    }

    private boolean sent(long clOrdId) {
        String client = "newClientOrderId=" + gateway.clientId(clOrdId) + "&";
        return server.requests().stream().anyMatch(r -> r.startsWith("POST /fapi/v1/order") && r.contains(client));
    }

    private void cut(boolean holdForLater) {
        server.cutUserStream(holdForLater);
        assertTrue(waitFor(() -> !gateway.quoting()), "the cut is noticed; log " + log);
    }

    private void restoredAndReconciled(int reconciles) {
        server.restoreUserStream();
        assertTrue(
                waitFor(() -> gateway.reconciles() == reconciles && gateway.quoting()),
                "reconciled " + gateway.reconciles() + " times, quoting " + gateway.quoting() + "; log " + log);
    }

    @Test
    void fillsAndACancelWhileDownAreReportedOnceAfterTheReconnect() throws Exception {
        started();
        double bid = server.bestBidAsk()[0];
        gateway.submit(1, true, bid, 0.002, true);
        gateway.submit(2, true, bid - 1000, 0.001, true);
        await(1, "NEW");
        await(2, "NEW");

        cut(false);
        server.skipTo(server.messageCount()); // the market falls through our bid: order 1 fills, unseen
        assertTrue(server.cancelExternally(gateway.clientId(2)), "order 2 cancelled from elsewhere");
        assertEquals(2, server.positionLots());
        assertEquals(0, server.restingOrders());
        assertNull(find(1, "TRADE"), "the stream is down: nothing arrives");
        assertNull(find(2, "CANCELED"));

        restoredAndReconciled(1);
        assertEquals(2, filledLots(1), describe());
        assertEquals(1, count(1, "NEW"));
        assertEquals(1, count(2, "CANCELED"), describe());
        assertFalse(tradeIds().isEmpty());
        assertEquals(0, gateway.workingOrders());
        assertEquals(2, gateway.positionLots());
        assertEquals(server.positionLots(), gateway.positionLots());
        List<String> requests = server.requests();
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /fapi/v1/order?")), requests.toString());
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /fapi/v1/userTrades?")), requests.toString());
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.startsWith("user data stream reconciled: 2 orders read back")
                                && l.contains(
                                        "missed cancels/expiries reported; position 2 lots agrees; quoting resumes")),
                log.toString());

        // quoting resumes
        gateway.submit(3, true, server.bestBidAsk()[0] - 100, 0.001, true);
        await(3, "NEW");
        assertEquals(1, count(2, "CANCELED"));
        assertEquals(2, filledLots(1), "nothing reported twice later: " + describe());
    }

    @Test
    void aFillSeenBothOnTheStreamAndByTheCatchUpIsCountedOnce() throws Exception {
        started();
        gateway.submit(1, true, server.bestBidAsk()[0], 0.002, true);
        await(1, "NEW");

        cut(true); // the venue's events are held back: they arrive late, after the catch-up
        server.skipTo(server.messageCount());
        assertEquals(2, server.positionLots());
        restoredAndReconciled(1);
        assertEquals(2, filledLots(1), describe());
        int trades = tradeIds().size();
        assertEquals(0, gateway.duplicateFills());

        server.deliverHeld(); // the same fills, now on the stream
        assertTrue(
                waitFor(() -> gateway.duplicateFills() == trades),
                "duplicates " + gateway.duplicateFills() + " of " + trades + "; " + describe());
        assertEquals(2, filledLots(1), describe());
        assertEquals(trades, tradeIds().size());
        assertEquals(2, gateway.positionLots());
        assertTrue(gateway.quoting());
    }

    @Test
    void newOrdersAreRefusedWhileDownButAStopsClosingOrderGoes() throws Exception {
        started();
        gateway.submit(1, true, server.bestBidAsk()[0], 0.002, true);
        await(1, "NEW");
        server.skipTo(server.messageCount());
        assertTrue(waitFor(() -> filledLots(1) == 2 && gateway.positionLots() == 2), describe());

        cut(false);
        gateway.submit(2, true, server.bestBidAsk()[0] - 100, 0.001, true);
        await(2, "REJECTED");
        assertFalse(sent(2), "refused here, not sent");
        assertTrue(log.stream().anyMatch(l -> l.contains("order 2 refused") && l.contains("user data stream is down")));

        gateway.submit(3, false, Double.NaN, 0.002, false); // the stop's reduce-only market order
        assertTrue(waitFor(() -> server.positionLots() == 0), "the closing order went: " + server.requests());
        assertTrue(sent(3));
        assertNull(find(3, "TRADE"));

        restoredAndReconciled(1);
        assertEquals(2, filledLots(3), describe()); // reported after the reconnect
        assertEquals(0, gateway.positionLots());
        assertEquals(0, server.positionLots());
        assertEquals(1, count(2, "REJECTED"));
        tradeIds();
    }

    @Test
    void anExpiredListenKeyIsReplacedAndTheStreamReconciled() throws Exception {
        started();
        gateway.submit(1, true, server.bestBidAsk()[0] - 1000, 0.001, true);
        await(1, "NEW");
        long keys = server.requests().stream()
                .filter(r -> r.startsWith("POST /fapi/v1/listenKey"))
                .count();

        server.expireListenKey();
        assertTrue(waitFor(() -> !gateway.quoting()), log.toString());
        assertTrue(server.cancelExternally(gateway.clientId(1)));
        assertTrue(waitFor(() -> gateway.reconciles() == 1 && gateway.quoting()), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("listen key expired")), log.toString());
        assertEquals(
                keys + 1,
                server.requests().stream()
                        .filter(r -> r.startsWith("POST /fapi/v1/listenKey"))
                        .count(),
                "a new listen key");
        assertEquals(2, server.userStreamConnections(), "connected again, with the new key");
        assertEquals(1, count(1, "CANCELED"), describe());
        assertEquals(0, gateway.workingOrders());

        gateway.submit(2, true, server.bestBidAsk()[0] - 1000, 0.001, true);
        await(2, "NEW");
    }

    @Test
    void aPositionMovedBehindOurBackHaltsWithCancelAll() throws Exception {
        started();
        gateway.submit(1, true, server.bestBidAsk()[0] - 1000, 0.001, true);
        gateway.submit(2, false, server.bestBidAsk()[1] + 1000, 0.001, true);
        await(1, "NEW");
        await(2, "NEW");

        cut(false);
        server.movePosition(3); // a trade from elsewhere, unseen
        server.restoreUserStream();
        assertTrue(waitFor(() -> gateway.haltReason() != null), log.toString());
        String line = "position mismatch after the user stream's reconnect: ours 0 lots, the venue's 3 lots; "
                + "cancelled every order, quoting stopped";
        assertEquals(1, log.stream().filter(line::equals).count(), log.toString());
        assertEquals(
                List.of("position mismatch after the user stream's reconnect: ours 0 lots, the venue's 3 lots"), halts);
        assertTrue(server.requests().stream().anyMatch(r -> r.startsWith("DELETE /fapi/v1/allOpenOrders")));
        assertEquals(0, server.restingOrders());
        await(1, "CANCELED"); // the stream is back: the cancel-all's reports arrive
        await(2, "CANCELED");
        assertFalse(gateway.quoting());

        gateway.submit(3, true, server.bestBidAsk()[0] - 1000, 0.001, true);
        await(3, "REJECTED");
        gateway.submit(4, false, Double.NaN, 0.001, false);
        await(4, "REJECTED");
        assertFalse(sent(3) || sent(4), "nothing sent once halted");
        assertEquals(1, gateway.reconciles());
    }

    @Test
    void aPositionThatAgreesWithinTheRechecksDoesNotHalt() throws Exception {
        started();
        gateway.submit(1, true, server.bestBidAsk()[0], 0.002, true);
        await(1, "NEW");

        cut(false);
        server.lagPositionAnswers(1); // the venue's first answer still says 0 lots
        server.skipTo(server.messageCount());
        assertEquals(2, server.positionLots());
        restoredAndReconciled(1);
        assertEquals(2, filledLots(1), describe());
        assertNull(gateway.haltReason(), log.toString());
        assertTrue(halts.isEmpty());
        assertEquals(
                2,
                server.requests().stream()
                                .filter(r -> r.startsWith("GET /fapi/v2/positionRisk"))
                                .count()
                        - 1, // the start-up's
                "read twice after the reconnect: the lagging answer, then the recheck");
        assertTrue(server.requests().stream().noneMatch(r -> r.startsWith("DELETE /fapi/v1/allOpenOrders")));
        gateway.submit(2, true, server.bestBidAsk()[0] - 100, 0.001, true);
        await(2, "NEW");
    }

    @Test
    void aListenKeyTheKeepAliveNoLongerFindsIsReplaced() throws Exception {
        gateway = gateway(new OrderLimits(10, 50), SECRET, Duration.ofMillis(200));
        gateway.start();
        gateway.submit(1, true, server.bestBidAsk()[0], 0.001, true);
        await(1, "NEW");

        server.dropListenKey(); // no listenKeyExpired: the next keep-alive is answered -1125
        server.skipTo(server.messageCount()); // still delivered on the old connection
        assertTrue(
                waitFor(() -> gateway.reconciles() == 1 && gateway.quoting() && server.userStreamConnections() == 2),
                log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("-1125")), log.toString());
        assertEquals(
                1,
                log.stream().filter(l -> l.contains("lost its listen key")).count(),
                "one loss, one reconnect: " + log);
        assertEquals(2, server.userStreamConnections());
        assertEquals(1, filledLots(1), describe());
        assertEquals(1, gateway.positionLots());
    }
}
