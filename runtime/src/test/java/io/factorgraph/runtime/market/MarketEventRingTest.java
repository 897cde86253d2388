package io.factorgraph.runtime.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarketEventRingTest {
    @Test
    void eventsComeOutInOrderWithEveryFieldAcrossWrapAndGrowth() {
        MarketEventRing ring = new MarketEventRing(4);
        MarketEvent in = new MarketEvent();
        MarketEvent out = new MarketEvent();
        long next = 0;
        long expected = 0;
        // Interleave adds and polls so the ring wraps, then add far more than its capacity so it grows mid-wrap.
        for (int round = 0; round < 50; round++) {
            int adds = round < 10 ? 3 : 7;
            for (int a = 0; a < adds; a++, next++) {
                in.set(
                        next | EventFlags.LOCAL_EVENT,
                        next * 10,
                        next * 10 + 1,
                        next + 0.5,
                        next + 0.25,
                        next * 3,
                        next * 5,
                        next + 0.125,
                        next % 2 == 0);
                ring.add(in);
            }
            for (int p = 0; p < 2 && !ring.isEmpty(); p++, expected++) {
                assertEquals(expected * 10 + 1, ring.peekLocalTs());
                ring.poll(out);
                assertEvent(expected, out);
            }
        }
        while (!ring.isEmpty()) {
            ring.poll(out);
            assertEvent(expected++, out);
        }
        assertEquals(next, expected, "every event came out once");
        assertTrue(ring.isEmpty());
    }

    private static void assertEvent(long n, MarketEvent e) {
        assertEquals(n | EventFlags.LOCAL_EVENT, e.ev());
        assertEquals(n * 10, e.exchTs());
        assertEquals(n * 10 + 1, e.localTs());
        assertEquals(n + 0.5, e.px());
        assertEquals(n + 0.25, e.qty());
        assertEquals(n * 3, e.orderId());
        assertEquals(n * 5, e.ival());
        assertEquals(n + 0.125, e.fval());
        assertEquals(n % 2 == 0, e.endOfMessage());
    }
}
