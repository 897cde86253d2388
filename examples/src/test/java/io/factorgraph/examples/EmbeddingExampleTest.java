package io.factorgraph.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {
    @Test
    void momentumIsThePriceMinusThePriceTwoTicksAgo() throws Exception {
        double[] prices = {100.0, 100.5, 101.25, 100.75, 102.0};
        double[] momentum = EmbeddingExample.momentum(Path.of("basics.fg"), prices);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 1.25, 0.25, 0.75}, momentum);
    }
}
