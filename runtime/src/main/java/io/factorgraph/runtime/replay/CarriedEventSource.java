package io.factorgraph.runtime.replay;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.SequenceGap;
import io.factorgraph.runtime.market.MarketEvent;
import java.util.List;

/**
 * A feed restored from a state snapshot: first the events the saved run read but never applied (its stream ended
 * with another feed, docs/DESIGN.md §11), then the files that continue the feed. One run over all the files would
 * have applied those events between the two, so they are replayed exactly there.
 */
final class CarriedEventSource implements EventSource {
    private final List<MarketEvent> carried;
    private final EventSource rest;
    private final String what;
    private final MarketEvent event = new MarketEvent();
    private int next;

    CarriedEventSource(List<MarketEvent> carried, EventSource rest, String what) {
        this.carried = List.copyOf(carried);
        this.rest = rest;
        this.what = what;
    }

    @Override
    public boolean next() throws MarketDataException {
        if (next < carried.size()) {
            event.copyFrom(carried.get(next++));
            return true;
        }
        next = carried.size() + 1;
        if (!rest.next()) {
            return false;
        }
        event.copyFrom(rest.event());
        return true;
    }

    @Override
    public MarketEvent event() {
        return event;
    }

    @Override
    public String position() {
        if (next <= carried.size() && next > 0) {
            return what + ": event " + next + " of " + carried.size() + " carried from the saved run";
        }
        return rest.position();
    }

    @Override
    public int gapCount() {
        return rest.gapCount();
    }

    @Override
    public List<SequenceGap> gaps() {
        return rest.gaps();
    }

    @Override
    public byte[] continuation() {
        return rest.continuation();
    }

    @Override
    public void close() {
        rest.close();
    }
}
