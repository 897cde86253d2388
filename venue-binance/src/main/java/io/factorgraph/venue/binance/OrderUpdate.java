package io.factorgraph.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.OrderStatus;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.backtest.exchange.RejectReason;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.runtime.execution.Side;

/**
 * One {@code ORDER_TRADE_UPDATE} of the user data stream ({@code o}: the order), or a refusal of the REST API made to
 * look like one, in the terms of the live execution-report path ({@link #toReport}).
 *
 * @param clientOrderId {@code c}
 * @param orderId {@code i}, the venue's id (0 when refused)
 * @param execType {@code x}: NEW, TRADE, CANCELED, EXPIRED, REJECTED (and AMENDMENT, CALCULATED, which are not
 *     reports of ours)
 * @param status {@code X}: NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED
 * @param price {@code p}, 0 for a market order
 * @param qty {@code q}
 * @param lastQty {@code l}, the quantity of this fill
 * @param lastPrice {@code L}
 * @param cumQty {@code z}
 * @param fee {@code n}, the commission of this fill
 * @param maker {@code m}
 * @param timeMs {@code T}, the transaction time
 * @param tradeId {@code t}, the trade's id for a fill (0 otherwise): a fill reported twice (by the stream and by the
 *     REST catch-up after a reconnect) is counted once
 */
public record OrderUpdate(
        String clientOrderId,
        long orderId,
        boolean buy,
        boolean postOnly,
        String execType,
        String status,
        double price,
        double qty,
        double lastQty,
        double lastPrice,
        double cumQty,
        double fee,
        boolean maker,
        long timeMs,
        long tradeId) {

    /** From the {@code o} object of an {@code ORDER_TRADE_UPDATE}. */
    static OrderUpdate of(JsonNode o) {
        return new OrderUpdate(
                o.path("c").asText(),
                o.path("i").asLong(),
                "BUY".equals(o.path("S").asText()),
                "GTX".equals(o.path("f").asText()),
                o.path("x").asText(),
                o.path("X").asText(),
                o.path("p").asDouble(),
                o.path("q").asDouble(),
                o.path("l").asDouble(),
                o.path("L").asDouble(),
                o.path("z").asDouble(),
                o.path("n").asDouble(),
                o.path("m").asBoolean(),
                o.path("T").asLong(),
                "TRADE".equals(o.path("x").asText()) ? o.path("t").asLong() : 0);
    }

    /** A refusal by the REST API (the order never existed at the venue). */
    static OrderUpdate rejected(
            String clientOrderId, boolean buy, boolean postOnly, double price, double qty, long ms) {
        return new OrderUpdate(
                clientOrderId, 0, buy, postOnly, "REJECTED", "REJECTED", price, qty, 0, 0, 0, 0, false, ms, 0);
    }

    /** Whether the live path reports it (a NEW, a fill, a cancel, an expiry, a rejection). */
    public boolean reportable() {
        return switch (execType) {
            case "NEW", "TRADE", "CANCELED", "EXPIRED", "REJECTED" -> true;
            default -> false;
        };
    }

    /** Whether the order is done with (filled, cancelled, expired, refused). */
    public boolean isFinal() {
        return switch (status) {
            case "FILLED", "CANCELED", "EXPIRED", "REJECTED" -> true;
            default -> false;
        };
    }

    /** This update as the backtest's report, the one the connector's report writer encodes. */
    public ExecutionReport toReport(ExecutionReport target, PriceGrid grid, long localTimeNs) {
        ReportType type =
                switch (execType) {
                    case "NEW" -> ReportType.ACCEPTED;
                    case "TRADE" -> ReportType.FILL;
                    case "CANCELED" -> ReportType.CANCELED;
                    case "EXPIRED" -> ReportType.EXPIRED;
                    default -> ReportType.REJECTED;
                };
        OrderStatus s =
                switch (status) {
                    case "NEW" -> OrderStatus.NEW;
                    case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
                    case "FILLED" -> OrderStatus.FILLED;
                    case "CANCELED" -> OrderStatus.CANCELED;
                    case "EXPIRED" -> OrderStatus.EXPIRED;
                    default -> OrderStatus.REJECTED;
                };
        long qtyLots = lots(grid, qty);
        long cumLots = lots(grid, cumQty);
        long leaves = isFinal() ? 0 : Math.max(0, qtyLots - cumLots);
        long execLots = "TRADE".equals(execType) ? lots(grid, lastQty) : 0;
        target.set(
                type,
                orderId,
                buy ? Side.BUY : Side.SELL,
                postOnly ? TimeInForce.GTX : TimeInForce.GTC,
                price > 0 ? ticks(grid, price) : 0,
                qtyLots,
                leaves,
                cumLots,
                execLots,
                execLots > 0 ? ticks(grid, lastPrice) : 0,
                fee,
                maker,
                s,
                type == ReportType.EXPIRED && postOnly ? RejectReason.POST_ONLY_WOULD_CROSS : RejectReason.NONE,
                timeMs * 1_000_000L,
                localTimeNs);
        return target;
    }

    private static long lots(PriceGrid grid, double q) {
        return Math.round(q / grid.lotSize());
    }

    private static long ticks(PriceGrid grid, double p) {
        return Math.round(p / grid.tickSize());
    }
}
