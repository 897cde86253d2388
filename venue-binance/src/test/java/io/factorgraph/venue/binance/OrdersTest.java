package io.factorgraph.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.OrderStatus;
import io.factorgraph.backtest.exchange.ReportType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Orders through the signed REST API of the local protocol server and their reports from its user data stream: new,
 * cancel, fill (matched by the backtest's simulator on the recorded market), a post-only order that would cross, a
 * refusal, a 429 with its back-off, a skewed clock, the connector's own limits, and the secret kept out of every log
 * line and message.
 */
class OrdersTest extends GatewayTestSupport {
    @Test
    void ordersCancelsAndFillsFlowBothWays() throws Exception {
        started();
        double bid = server.bestBidAsk()[0];
        gateway.submit(1, true, bid, 0.001, true);
        OrderUpdate accepted = await(1, "NEW");
        assertTrue(accepted.postOnly());
        ExecutionReport report = accepted.toReport(new ExecutionReport(GRID), GRID, 7L);
        assertEquals(ReportType.ACCEPTED, report.type());
        assertEquals(Math.round(bid / 0.1), report.priceTicks());
        assertEquals(1, server.restingOrders());
        gateway.cancel(1);
        assertEquals(
                OrderStatus.CANCELED,
                await(1, "CANCELED")
                        .toReport(new ExecutionReport(GRID), GRID, 8L)
                        .status());
        assertTrue(waitFor(() -> server.restingOrders() == 0));

        gateway.submit(2, true, bid, 0.002, true);
        await(2, "NEW");
        server.skipTo(server.messageCount()); // the market falls through our bid
        OrderUpdate fill = await(2, "TRADE");
        ExecutionReport filled = fill.toReport(new ExecutionReport(GRID), GRID, 9L);
        assertEquals(ReportType.FILL, filled.type());
        assertTrue(filled.execLots() > 0);
        assertTrue(waitFor(() -> gateway.positionLots() == 2), "position " + gateway.positionLots());
        assertEquals(2, server.positionLots());
        assertTrue(waitFor(() -> !positions.isEmpty() && positions.getLast() == 2), "ACCOUNT_UPDATE: " + positions);
        assertEquals(0, gateway.workingOrders());
    }

    @Test
    void aPostOnlyOrderThatWouldTakeLiquidityExpires() throws Exception {
        started();
        double ask = server.bestBidAsk()[1];
        gateway.submit(3, true, ask, 0.001, true);
        OrderUpdate expired = await(3, "EXPIRED");
        assertEquals(
                ReportType.EXPIRED,
                expired.toReport(new ExecutionReport(GRID), GRID, 1L).type());
        assertEquals(0, server.restingOrders());
    }

    @Test
    void aRefusedOrderIsReportedRejected() throws Exception {
        started();
        server.rejectNextOrder(-2019, "Margin is insufficient.");
        gateway.submit(4, true, server.bestBidAsk()[0], 0.001, true);
        OrderUpdate rejected = await(4, "REJECTED");
        assertEquals(
                ReportType.REJECTED,
                rejected.toReport(new ExecutionReport(GRID), GRID, 1L).type());
        assertTrue(
                log.stream().anyMatch(l -> l.contains("-2019") && l.contains("Margin is insufficient")),
                log.toString());
        assertEquals(0, gateway.workingOrders());
    }

    @Test
    void a429BacksOffUntilRetryAfter() throws Exception {
        started();
        double bid = server.bestBidAsk()[0];
        server.failNext(1, 429, 1);
        gateway.submit(5, true, bid, 0.001, true);
        await(5, "REJECTED");
        assertTrue(log.stream().anyMatch(l -> l.contains("HTTP 429")), log.toString());
        int sent = server.requests().size();
        gateway.submit(6, true, bid, 0.001, true);
        await(6, "REJECTED"); // refused here, not sent: the venue said to wait
        assertEquals(sent, server.requests().size(), "nothing sent while backing off");
        assertTrue(log.stream().anyMatch(l -> l.contains("backing off")), log.toString());
        Thread.sleep(1100);
        gateway.submit(7, true, bid, 0.001, true);
        await(7, "NEW");
    }

    @Test
    void aSkewedClockIsMeasuredAgainAndTheOrderRetried() throws Exception {
        started();
        server.clockSkew(20_000); // the venue's clock jumps 20 s ahead of ours
        gateway.submit(8, true, server.bestBidAsk()[0], 0.001, true);
        await(8, "NEW");
        List<String> requests = server.requests();
        long orders = requests.stream()
                .filter(r -> r.startsWith("POST /fapi/v1/order"))
                .count();
        assertEquals(2, orders, "refused once (-1021), then sent again: " + requests);
        assertTrue(
                requests.stream().filter(r -> r.startsWith("GET /fapi/v1/time")).count() >= 2, requests.toString());
    }

    @Test
    void theConnectorsOwnLimitsRefuseBeforeSending() throws Exception {
        gateway = gateway(new OrderLimits(2, 2), SECRET);
        gateway.start();
        double bid = server.bestBidAsk()[0];
        int sent = server.requests().size();
        gateway.submit(9, true, bid, 0.003, true); // 3 lots > max position 2
        await(9, "REJECTED");
        assertEquals(sent, server.requests().size());
        gateway.submit(10, true, bid - 1, 0.001, true);
        gateway.submit(11, false, bid + 100, 0.001, true);
        gateway.submit(12, false, bid + 101, 0.001, true); // the third in a second: over the rate
        await(12, "REJECTED");
        await(10, "NEW");
        await(11, "NEW");
        assertTrue(log.stream().anyMatch(l -> l.contains("max order rate")), log.toString());
    }

    @Test
    void aWrongSecretIsRefusedAndNeverShown() {
        gateway = gateway(new OrderLimits(10, 50), "aWrongSecretAlsoNotToBeShown");
        BinanceException e = assertThrows(BinanceException.class, gateway::start);
        assertEquals(BinanceException.INVALID_SIGNATURE, e.code(), e.getMessage());
        assertFalse(e.getMessage().contains("aWrongSecret"));
        assertFalse(e.getMessage().contains("signature="), e.getMessage());
        gateway = null;
    }
}
