package io.factorgraph.live.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.live.transport.SequenceTracker.Result;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {
    @Test
    void inOrderFromTheStart() {
        SequenceTracker t = new SequenceTracker();
        for (long s = 1; s <= 5; s++) {
            assertEquals(Result.IN_ORDER, t.onMessage(7, s));
        }
        assertEquals(5, t.last());
        assertEquals(6, t.expected());
        assertEquals(0, t.gaps());
    }

    @Test
    void aMissingNumberIsAGapThatNamesWhatWasLost() {
        SequenceTracker t = new SequenceTracker();
        t.onMessage(7, 1);
        t.onMessage(7, 2);
        assertEquals(Result.GAP, t.onMessage(7, 5));
        assertEquals(3, t.lastGapFrom());
        assertEquals(4, t.lastGapTo());
        assertEquals(1, t.gaps());
        assertEquals(2, t.lostMessages());
        assertEquals(Result.IN_ORDER, t.onMessage(7, 6), "in order again after the gap");
    }

    @Test
    void duplicatesAndOldNumbersAreIgnored() {
        SequenceTracker t = new SequenceTracker();
        t.onMessage(7, 1);
        t.onMessage(7, 2);
        assertEquals(Result.DUPLICATE, t.onMessage(7, 2));
        assertEquals(Result.DUPLICATE, t.onMessage(7, 1));
        assertEquals(2, t.last());
        assertEquals(Result.IN_ORDER, t.onMessage(7, 3));
    }

    @Test
    void joiningAStreamUnderWayIsALateJoin() {
        SequenceTracker t = new SequenceTracker();
        assertEquals(Result.JOINED_LATE, t.onMessage(7, 100));
        assertEquals(1, t.lastGapFrom());
        assertEquals(99, t.lastGapTo());
        assertEquals(0, t.gaps(), "not counted as a gap");
        assertEquals(Result.IN_ORDER, t.onMessage(7, 101));
    }

    @Test
    void aNewSenderInstanceStartsOverAndIsARestart() {
        SequenceTracker t = new SequenceTracker();
        t.onMessage(7, 1);
        t.onMessage(7, 2);
        assertEquals(Result.IN_ORDER, t.onMessage(8, 1), "a restarted sender that we see from its start");
        assertEquals(1, t.restarts());
        assertEquals(Result.JOINED_LATE, t.onMessage(9, 40), "one whose start we missed");
        assertEquals(2, t.restarts());
        assertEquals(9, t.instance());
    }

    @Test
    void peerWatchCountsSilence() {
        PeerWatch w = new PeerWatch("engine", 1_000);
        assertEquals(false, w.alive(0));
        w.heard(5, 100);
        assertEquals(true, w.alive(1_100));
        assertEquals(false, w.alive(1_101));
        assertEquals(1_001, w.silenceNanos(1_101));
        assertEquals(5, w.instance());
    }
}
