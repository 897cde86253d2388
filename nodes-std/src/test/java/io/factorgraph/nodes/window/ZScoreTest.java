package io.factorgraph.nodes.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZScoreTest {

    @Test
    void scoresDeviationInStandardDeviations() {
        assertEquals(2.0, ZScore.of(14.0, 10.0, 2.0));
        assertEquals(-0.5, ZScore.of(61799.5, 61800.0, 1.0));
    }

    @Test
    void stdAtOrBelowTheFloorScoresZero() {
        assertEquals(0.0, ZScore.of(5.0, 1.0, 0.0));
        assertEquals(0.0, ZScore.of(5.0, 1.0, 1e-10), "the guard is strict: std must exceed 1e-10");
        assertEquals(0.0, ZScore.of(5.0, 1.0, -1.0));
        assertEquals(4.0 / Math.nextUp(1e-10), ZScore.of(5.0, 1.0, Math.nextUp(1e-10)));
    }

    @Test
    void nanStdScoresZeroButNaNInputStaysNaN() {
        assertEquals(0.0, ZScore.of(5.0, Double.NaN, Double.NaN), "window with no valid value");
        assertTrue(Double.isNaN(ZScore.of(Double.NaN, 1.0, 2.0)));
    }
}
