package io.factorgraph.live.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.live.transport.IdleMode;
import org.junit.jupiter.api.Test;

/** The baseline probe runs and records what it says; the numbers themselves are for the bench, not asserted. */
class AeronPingTest {
    @Test
    void pingPongOverIpcRecordsEveryMessage() throws Exception {
        LatencyProbe probe = AeronPing.run("aeron:ipc", 64, 100, 1_000, IdleMode.YIELD);
        assertEquals(1_000, probe.count());
        assertTrue(probe.histogram().getMinValue() > 0);
        System.out.println(probe.summary());
    }
}
