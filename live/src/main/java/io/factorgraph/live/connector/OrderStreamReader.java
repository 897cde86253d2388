package io.factorgraph.live.connector;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.sbe.CancelAllDecoder;
import io.factorgraph.live.sbe.CancelOrderDecoder;
import io.factorgraph.live.sbe.ClockAdvanceDecoder;
import io.factorgraph.live.sbe.NewOrderDecoder;
import io.factorgraph.live.sbe.StrategyDoneDecoder;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import org.agrona.DirectBuffer;

/**
 * The strategy's order stream as every venue of the connector reads it (the paper venue, a real venue's): the
 * envelope, the strategy's instance and its sequence, and the fail-safes they imply, each handed to the venue's
 * {@link Commands}: a new strategy instance (what the previous one left must go), lost commands (a gap: what rests may
 * no longer be wanted), and a strategy silent for the peer timeout without having said it is done ({@link
 * #strategyDown}). Single-threaded, allocation-free.
 */
public final class OrderStreamReader {
    /** What a venue does with the commands; the decoders are valid during the call only. */
    public interface Commands {
        /** A new strategy instance: its order ids start again at 1. */
        void onNewStrategy(long instance);

        /** Messages {@code from..to} of the order stream were lost. */
        void onCommandsLost(long from, long to);

        void onNewOrder(NewOrderDecoder order);

        void onCancel(CancelOrderDecoder cancel);

        void onCancelAll(CancelAllDecoder cancelAll);

        void onClockAdvance(long timeNs);

        void onStrategyDone();
    }

    private final Subscription orders;
    private final PeerWatch strategy;
    private final Commands commands;
    private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
    private final SequenceTracker sequence = new SequenceTracker();
    private final Envelope envelope = new Envelope();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final CancelAllDecoder cancelAll = new CancelAllDecoder();
    private final ClockAdvanceDecoder clockAdvance = new ClockAdvanceDecoder();

    private boolean strategyDone;
    private boolean strategyDownSwept;

    public OrderStreamReader(Subscription orders, PeerWatch strategy, Commands commands) {
        this.orders = orders;
        this.strategy = strategy;
        this.commands = commands;
    }

    /** Reads up to {@code limit} fragments; returns how many. */
    public int poll(int limit) {
        return orders.poll(assembler, limit);
    }

    /** Whether the strategy has said it is done (since its instance started). */
    public boolean strategyDone() {
        return strategyDone;
    }

    /**
     * Cancel on disconnect: true once (until the strategy is heard again) when a strategy heard before has been silent
     * for the peer timeout without having said it is done, or has said so and still has orders ({@code noOrders}
     * false).
     */
    public boolean strategyDown(long nowNanos, boolean noOrders) {
        if (strategyDownSwept || !strategy.everHeard() || strategy.alive(nowNanos) || (strategyDone && noOrders)) {
            return false;
        }
        strategyDownSwept = true;
        return true;
    }

    private void onFragment(DirectBuffer buffer, int offset, int length, Header header) {
        int template = envelope.wrap(buffer, offset, length);
        if (template < 0) {
            return;
        }
        long seq = Envelope.sequence(buffer, offset);
        long instance = Envelope.instance(buffer, offset);
        boolean newStrategy = strategy.everHeard() && instance != strategy.instance();
        strategy.heard(instance, System.nanoTime());
        strategyDownSwept = false;
        if (newStrategy) {
            commands.onNewStrategy(instance);
            strategyDone = false;
        }
        SequenceTracker.Result result = sequence.onMessage(instance, seq);
        if (result == SequenceTracker.Result.DUPLICATE) {
            return;
        }
        if (result == SequenceTracker.Result.GAP) {
            commands.onCommandsLost(sequence.lastGapFrom(), sequence.lastGapTo());
        }
        switch (template) {
            case NewOrderDecoder.TEMPLATE_ID -> {
                newOrder.wrapAndApplyHeader(buffer, offset, envelope.header());
                commands.onNewOrder(newOrder);
            }
            case CancelOrderDecoder.TEMPLATE_ID -> {
                cancelOrder.wrapAndApplyHeader(buffer, offset, envelope.header());
                commands.onCancel(cancelOrder);
            }
            case CancelAllDecoder.TEMPLATE_ID -> {
                cancelAll.wrapAndApplyHeader(buffer, offset, envelope.header());
                commands.onCancelAll(cancelAll);
            }
            case ClockAdvanceDecoder.TEMPLATE_ID -> {
                clockAdvance.wrapAndApplyHeader(buffer, offset, envelope.header());
                commands.onClockAdvance(clockAdvance.timeNs());
            }
            case StrategyDoneDecoder.TEMPLATE_ID -> {
                strategyDone = true;
                commands.onStrategyDone();
            }
            default -> {}
        }
    }
}
