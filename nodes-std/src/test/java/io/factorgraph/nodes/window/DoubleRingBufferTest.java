package io.factorgraph.nodes.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DoubleRingBufferTest {

    @Test
    void evictsTheOldestOnceFull() {
        final DoubleRingBuffer buffer = new DoubleRingBuffer(3);
        assertFalse(buffer.isFull());
        buffer.push(1.0);
        buffer.push(2.0);
        buffer.push(3.0);
        assertTrue(buffer.isFull());
        assertEquals(1.0, buffer.push(4.0));
        assertEquals(2.0, buffer.push(5.0));
        assertEquals(3, buffer.size());
        assertEquals(3.0, buffer.fromOldest(0));
        assertEquals(4.0, buffer.fromOldest(1));
        assertEquals(5.0, buffer.fromOldest(2));
        assertEquals(5.0, buffer.fromNewest(0));
        assertEquals(3.0, buffer.fromNewest(2));
    }

    @Test
    void storesNaNLikeAnyValue() {
        final DoubleRingBuffer buffer = new DoubleRingBuffer(2);
        buffer.push(Double.NaN);
        buffer.push(1.0);
        assertTrue(Double.isNaN(buffer.push(2.0)), "the evicted NaN comes back");
        assertEquals(1.0, buffer.push(3.0));
    }

    @Test
    void capacityOneHoldsTheLastValue() {
        final DoubleRingBuffer buffer = new DoubleRingBuffer(1);
        buffer.push(7.0);
        assertTrue(buffer.isFull());
        assertEquals(7.0, buffer.push(8.0));
        assertEquals(8.0, buffer.fromOldest(0));
        assertEquals(8.0, buffer.fromNewest(0));
    }

    @Test
    void indicesOutsideTheContentsAreRejected() {
        final DoubleRingBuffer buffer = new DoubleRingBuffer(4);
        buffer.push(1.0);
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.fromOldest(1));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.fromNewest(-1));
    }

    @Test
    void resetEmptiesIt() {
        final DoubleRingBuffer buffer = new DoubleRingBuffer(2);
        buffer.push(1.0);
        buffer.push(2.0);
        buffer.reset();
        assertEquals(0, buffer.size());
        assertFalse(buffer.isFull());
        buffer.push(3.0);
        assertEquals(3.0, buffer.fromOldest(0));
        assertEquals(2, buffer.capacity());
    }

    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new DoubleRingBuffer(0));
    }

    /** Against the obvious model: a list that drops its head when it grows past the capacity. */
    @Property(tries = 300)
    void behavesLikeABoundedList(
            @ForAll @IntRange(min = 1, max = 20) int capacity, @ForAll("values") List<Double> values) {
        final DoubleRingBuffer buffer = new DoubleRingBuffer(capacity);
        final List<Double> model = new ArrayList<>();
        for (double value : values) {
            final boolean wasFull = buffer.isFull();
            assertEquals(model.size() == capacity, wasFull);
            final double evicted = buffer.push(value);
            model.add(value);
            if (model.size() > capacity) {
                assertEquals(model.removeFirst(), evicted);
            }
            assertEquals(model.size(), buffer.size());
            for (int i = 0; i < model.size(); i++) {
                assertEquals(model.get(i), buffer.fromOldest(i));
                assertEquals(model.get(model.size() - 1 - i), buffer.fromNewest(i));
            }
        }
    }

    @Provide
    Arbitrary<List<Double>> values() {
        return Arbitraries.doubles().between(-1e6, 1e6).list().ofMaxSize(100);
    }
}
