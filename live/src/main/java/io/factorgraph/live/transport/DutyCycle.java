package io.factorgraph.live.transport;

import io.factorgraph.runtime.data.MarketDataException;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.IdleStrategy;

/**
 * A process's agents run on its own thread: {@link #cycle()} gives every agent one {@link Agent#doWork()} (Agrona's
 * {@link AgentInvoker} over a {@code CompositeAgent}) and idles as much as the work done says. A process waits for
 * something by cycling until it holds, so it keeps serving every stream while it waits. An agent's failure ends the
 * process: it is thrown again from {@link #cycle()}.
 */
public final class DutyCycle implements AutoCloseable {
    private final AgentInvoker invoker;
    private final IdleStrategy idle;
    private Throwable failure;

    public DutyCycle(Agent agent, IdleStrategy idle) {
        this.invoker = new AgentInvoker(this::onError, null, agent);
        this.idle = idle;
        invoker.start();
    }

    /**
     * One round of every agent, then the idle strategy.
     *
     * @throws MarketDataException when an agent met bad market data
     */
    public void cycle() throws MarketDataException {
        idle.idle(invoke());
    }

    /** One round of every agent, without idling; returns the work done. */
    public int invoke() throws MarketDataException {
        int work = invoker.invoke();
        if (failure != null) {
            Throwable t = failure;
            failure = null;
            switch (t) {
                case MarketDataException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(t.getMessage(), t);
            }
        }
        return work;
    }

    private void onError(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    @Override
    public void close() {
        invoker.close();
    }
}
