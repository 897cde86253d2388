package io.factorgraph.bench.data;

import io.factorgraph.runtime.data.RecordedData;

/**
 * The recorded feed the benchmarks read. Where it is found is {@link RecordedData}'s business (the system
 * property {@code factorgraph.data.dir}, else {@code FG_DATA_DIR}, else {@code ../shared/data}); the
 * benchmarks never copy data into the project.
 */
public final class BenchData {
    /** The feed every per-tick benchmark samples its book states from. */
    public static final String DEFAULT_FILE = "usdm_btcusdt_20240808.gz";

    private BenchData() {}
}
