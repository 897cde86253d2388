package io.factorgraph.backtest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyntheticMarketDeterminismTest {
    @Test
    void theSameConfigGivesTheSameStreamToTheBit() {
        SyntheticMarket.Config config = SyntheticMarket.Config.defaults();
        StreamDigest.Result first = StreamDigest.of(new SyntheticMarket(config));
        StreamDigest.Result second = StreamDigest.of(new SyntheticMarket(config));
        assertEquals(first, second);
    }

    @Test
    void anotherSeedGivesAnotherStream() {
        SyntheticMarket.Config config = SyntheticMarket.Config.defaults().withDuration(Duration.ofMinutes(1));
        assertNotEquals(
                StreamDigest.of(new SyntheticMarket(config)).sha256(),
                StreamDigest.of(new SyntheticMarket(config.withSeed(43))).sha256());
    }

    @Test
    void aLongerRunStartsWithTheShorterOne() {
        SyntheticMarket.Config config = SyntheticMarket.Config.defaults();
        SyntheticMarket shorter = new SyntheticMarket(config.withDuration(Duration.ofSeconds(30)));
        SyntheticMarket longer = new SyntheticMarket(config.withDuration(Duration.ofSeconds(60)));
        long n = 0;
        while (shorter.next()) {
            longer.next();
            assertEquals(shorter.event().toString(), longer.event().toString(), "event " + n);
            n++;
        }
    }

    /**
     * The stream of the default config for ten seconds, pinned: it depends on nothing but the config (SplitMix64,
     * StrictMath), so it must be the same on every JVM and machine. A deliberate change to the model changes it;
     * update the expected digest then, and say so in the commit.
     */
    @Test
    void theDefaultStreamIsPinned() {
        StreamDigest.Result result = StreamDigest.of(
                new SyntheticMarket(SyntheticMarket.Config.defaults().withDuration(Duration.ofSeconds(10))));
        assertEquals(
                new StreamDigest.Result(7519, "22dd2916d59d6a81784d53adcc7c203a516e3918119016de6fa19fb29840acfe"),
                result);
    }
}
