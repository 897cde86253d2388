package io.factorgraph.live.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.OrderStatus;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.backtest.exchange.RejectReason;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.CancelAllDecoder;
import io.factorgraph.live.sbe.CancelAllEncoder;
import io.factorgraph.live.sbe.CancelAllReason;
import io.factorgraph.live.sbe.ExecType;
import io.factorgraph.live.sbe.ExecutionReportDecoder;
import io.factorgraph.live.sbe.FactorUpdateDecoder;
import io.factorgraph.live.sbe.HeartbeatDecoder;
import io.factorgraph.live.sbe.HeartbeatEncoder;
import io.factorgraph.live.sbe.MarketDataBatchDecoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.NewOrderDecoder;
import io.factorgraph.live.sbe.OrdStatus;
import io.factorgraph.live.sbe.OrderSide;
import io.factorgraph.live.sbe.Reason;
import io.factorgraph.live.sbe.Role;
import io.factorgraph.runtime.execution.Side;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.replay.FactorUpdate;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Every field of the messages goes through SBE and comes back the same, doubles to the bit (NaN, -0.0, subnormals
 * included), encoded by the live processes' writers and read back by their readers; the envelope reads sequence and
 * instance without decoding the body.
 */
class CodecRoundTripTest {
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(MarketDataWriter.MAX_LENGTH + 64));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final Envelope envelope = new Envelope();

    @Test
    void marketDataBatchCarriesEveryFieldOfEveryEvent() {
        MarketDataWriter writer = new MarketDataWriter();
        double[] prices = {61_234.5, Double.NaN, -0.0, Double.MIN_VALUE, 1e300};
        for (int i = 0; i < MarketDataWriter.MAX_EVENTS; i++) {
            writer.add(
                    EventFlags.DEPTH_EVENT
                            | EventFlags.LOCAL_EVENT
                            | (i % 2 == 0 ? EventFlags.BUY_EVENT : EventFlags.SELL_EVENT),
                    1_723_161_255_000_000_000L + i,
                    1_723_161_256_000_000_000L + i,
                    prices[i % prices.length],
                    i * 0.001,
                    -1L - i,
                    5_123_107_856_210L + i,
                    i / 3.0,
                    i % 7 == 0);
        }
        assertTrue(writer.isFull());
        int length = writer.encode(buffer, header, 42, 0xABCDEFL, true, 3, 17);
        assertTrue(length <= MarketDataWriter.MAX_LENGTH);

        assertEquals(MarketDataBatchDecoder.TEMPLATE_ID, envelope.wrap(buffer, 0, length));
        assertEquals(42, Envelope.sequence(buffer, 0));
        assertEquals(0xABCDEFL, Envelope.instance(buffer, 0));
        MarketDataReader reader = new MarketDataReader().wrap(buffer, 0, envelope.header());
        assertEquals(42, reader.sequence());
        assertTrue(reader.snapshot());
        assertEquals(3, reader.instrument(), "the feed the batch belongs to");
        assertEquals(17, reader.feedSequence(), "its number within the feed");
        assertEquals(MarketDataWriter.MAX_EVENTS, reader.count());
        MarketEvent e = new MarketEvent();
        for (int i = 0; i < MarketDataWriter.MAX_EVENTS; i++) {
            reader.next(e);
            assertEquals(
                    EventFlags.DEPTH_EVENT
                            | EventFlags.LOCAL_EVENT
                            | (i % 2 == 0 ? EventFlags.BUY_EVENT : EventFlags.SELL_EVENT),
                    e.ev());
            assertEquals(1_723_161_255_000_000_000L + i, e.exchTs());
            assertEquals(1_723_161_256_000_000_000L + i, e.localTs());
            assertEquals(Double.doubleToRawLongBits(prices[i % prices.length]), Double.doubleToRawLongBits(e.px()));
            assertEquals(Double.doubleToRawLongBits(i * 0.001), Double.doubleToRawLongBits(e.qty()));
            assertEquals(-1L - i, e.orderId());
            assertEquals(5_123_107_856_210L + i, e.ival());
            assertEquals(Double.doubleToRawLongBits(i / 3.0), Double.doubleToRawLongBits(e.fval()));
            assertEquals(i % 7 == 0, e.endOfMessage());
        }
        writer.clear();
        assertTrue(writer.isEmpty());
        int empty = writer.encode(buffer, header, 43, 1, false);
        envelope.wrap(buffer, 0, empty);
        MarketDataReader again = new MarketDataReader().wrap(buffer, 0, envelope.header());
        assertFalse(again.snapshot());
        assertEquals(0, again.instrument(), "a stream of one feed: instrument 0");
        assertEquals(43, again.feedSequence(), "numbered as the stream's messages");
        assertEquals(0, again.count());
    }

    @Test
    void factorUpdateCarriesOutputsSinkArgumentsAndSymbol() {
        double[] outputs = {1.2345678901234567, Double.NaN, 1.0, -0.0};
        double[] args = {Double.MAX_VALUE, 0.5, 0.0};
        FactorUpdate update = new FactorUpdate(List.of("a", "b", "c", "d"), List.of("perp", "spot"));
        update.set(1_723_161_255_400_000_000L, 61_000.1, 61_000.2);
        update.setBook(1, 60_990.01, Double.NaN);
        for (int i = 0; i < outputs.length; i++) {
            update.setValue(i, outputs[i]);
        }
        long before = System.nanoTime();
        int length = new FactorUpdateWriter()
                .encode(
                        buffer,
                        header,
                        9,
                        3,
                        update,
                        -123456789L,
                        true,
                        600,
                        77,
                        new double[] {args[0], args[1], args[2], 42.0},
                        args.length,
                        "usdm_btcusdt".getBytes(StandardCharsets.UTF_8));

        assertEquals(FactorUpdateDecoder.TEMPLATE_ID, envelope.wrap(buffer, 0, length));
        FactorUpdateDecoder dec = new FactorUpdateDecoder().wrapAndApplyHeader(buffer, 0, envelope.header());
        assertEquals(9, dec.sequence());
        assertEquals(3, dec.instanceId());
        assertEquals(1_723_161_255_400_000_000L, dec.tickTimeNs());
        assertEquals(-123456789L, dec.graphHash());
        assertEquals(61_000.1, dec.bestBid());
        assertEquals(61_000.2, dec.bestAsk());
        assertEquals(BooleanType.TRUE, dec.warm());
        assertEquals(600, dec.ticksSinceSync());
        assertEquals(77, dec.marketDataSequence());
        assertTrue(dec.sendNanos() >= before && dec.sendNanos() <= System.nanoTime(), "stamped at encoding");
        FactorUpdateDecoder.OutputsDecoder od = dec.outputs();
        assertEquals(outputs.length, od.count());
        for (double v : outputs) {
            assertEquals(
                    Double.doubleToRawLongBits(v),
                    Double.doubleToRawLongBits(od.next().value()));
        }
        FactorUpdateDecoder.SinkArgumentsDecoder ad = dec.sinkArguments();
        assertEquals(args.length, ad.count());
        for (double v : args) {
            assertEquals(
                    Double.doubleToRawLongBits(v),
                    Double.doubleToRawLongBits(ad.next().value()));
        }
        FactorUpdateDecoder.BooksDecoder bd = dec.books();
        assertEquals(2, bd.count());
        bd.next();
        assertEquals(61_000.1, bd.bestBid());
        assertEquals(61_000.2, bd.bestAsk());
        bd.next();
        assertEquals(60_990.01, bd.bestBid());
        assertEquals(Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(bd.bestAsk()));
        assertEquals("usdm_btcusdt", dec.symbol());
    }

    @Test
    void orderCommandsAndReportsRoundTrip() {
        envelope.wrap(
                buffer, 0, new NewOrderWriter().encode(buffer, header, 1, 2, 17, 1_000, false, 61_000.5, 0.002, true));
        NewOrderDecoder o = new NewOrderDecoder().wrapAndApplyHeader(buffer, 0, envelope.header());
        assertEquals(17, o.clOrdId());
        assertEquals(1_000, o.decisionTimeNs());
        assertEquals(OrderSide.SELL, o.side());
        assertEquals(61_000.5, o.price());
        assertEquals(0.002, o.qty());
        assertEquals(BooleanType.TRUE, o.postOnly());

        CancelAllEncoder cancelAll = new CancelAllEncoder();
        cancelAll
                .wrapAndApplyHeader(buffer, 0, header)
                .sequence(3)
                .instanceId(2)
                .requestId(4)
                .reason(CancelAllReason.STALE_FACTORS);
        envelope.wrap(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + cancelAll.encodedLength());
        CancelAllDecoder c = new CancelAllDecoder().wrapAndApplyHeader(buffer, 0, envelope.header());
        assertEquals(4, c.requestId());
        assertEquals(CancelAllReason.STALE_FACTORS, c.reason());

        PriceGrid grid = new PriceGrid(0.1, 0.001);
        ExecutionReport fill = new ExecutionReport(grid);
        fill.set(
                ReportType.FILL,
                170,
                Side.BUY,
                TimeInForce.GTC,
                610_005,
                2,
                1,
                1,
                1,
                610_004,
                0.0122001,
                true,
                OrderStatus.PARTIALLY_FILLED,
                RejectReason.NONE,
                20,
                25);
        int length = new ExecutionReportWriter().encode(buffer, header, 10, 11, 17, fill, grid);
        assertEquals(ExecutionReportDecoder.TEMPLATE_ID, envelope.wrap(buffer, 0, length));
        ExecutionReportDecoder r = new ExecutionReportDecoder().wrapAndApplyHeader(buffer, 0, envelope.header());
        assertEquals(17, r.clOrdId(), "the strategy's id, not the venue's");
        assertEquals(ExecType.FILL, r.execType());
        assertEquals(OrdStatus.PARTIALLY_FILLED, r.ordStatus());
        assertEquals(BooleanType.TRUE, r.maker());
        assertEquals(0.1, r.tickSize());
        assertEquals(0.001, r.lotSize());
        ExecutionReport back = new ExecutionReport(grid);
        ExecutionReportReader.read(r, back);
        assertEquals(ReportType.FILL, back.type());
        assertEquals(17, back.orderId());
        assertEquals(Side.BUY, back.side());
        assertEquals(TimeInForce.GTC, back.timeInForce());
        assertEquals(610_005, back.priceTicks());
        assertEquals(2, back.qtyLots());
        assertEquals(1, back.leavesLots());
        assertEquals(1, back.cumExecLots());
        assertEquals(1, back.execLots());
        assertEquals(610_004, back.execPriceTicks());
        assertEquals(0.0122001, back.fee());
        assertTrue(back.maker());
        assertEquals(OrderStatus.PARTIALLY_FILLED, back.status());
        assertEquals(RejectReason.NONE, back.reason());
        assertEquals(20, back.exchTime());
        assertEquals(25, back.localTime());
    }

    @Test
    void heartbeatAndEnums() {
        HeartbeatEncoder hb = new HeartbeatEncoder();
        hb.wrapAndApplyHeader(buffer, 0, header)
                .sequence(1)
                .instanceId(99)
                .role(Role.CONNECTOR)
                .wallTimeNs(123)
                .replayTimeNs(456)
                .ready(BooleanType.TRUE)
                .restingOrders(6)
                .workingOrders(-1)
                .position(-0.004);
        int length = MessageHeaderEncoder.ENCODED_LENGTH + hb.encodedLength();
        assertEquals(HeartbeatDecoder.TEMPLATE_ID, envelope.wrap(buffer, 0, length));
        HeartbeatDecoder d = new HeartbeatDecoder().wrapAndApplyHeader(buffer, 0, envelope.header());
        assertEquals(Role.CONNECTOR, d.role());
        assertEquals(6, d.restingOrders());
        assertEquals(-0.004, d.position());
        // the wire enums follow the backtest's, value for ordinal, so reports map across without tables
        for (io.factorgraph.backtest.exchange.ReportType t : io.factorgraph.backtest.exchange.ReportType.values()) {
            assertEquals(t.ordinal(), ExecType.valueOf(t.name()).value());
        }
        for (io.factorgraph.backtest.exchange.OrderStatus s : io.factorgraph.backtest.exchange.OrderStatus.values()) {
            assertEquals(s.ordinal(), OrdStatus.valueOf(s.name()).value());
        }
        for (io.factorgraph.backtest.exchange.RejectReason s : io.factorgraph.backtest.exchange.RejectReason.values()) {
            assertEquals(s.ordinal(), Reason.valueOf(s.name()).value());
        }
    }

    @Test
    void foreignOrShortMessagesAreNotOurs() {
        buffer.setMemory(0, 64, (byte) 0);
        assertEquals(-1, envelope.wrap(buffer, 0, 8), "too short");
        buffer.putStringWithoutLengthAscii(0, "not an sbe message at all, really");
        assertEquals(-1, envelope.wrap(buffer, 0, 32), "another schema");
        assertEquals(12, "usdm_btcusdt".getBytes(StandardCharsets.UTF_8).length);
    }
}
