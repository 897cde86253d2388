package io.factorgraph.backtest.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SequencedMap;

/**
 * How a backtest was run, for the report's header and {@code summary.json}. Text fields are shown as
 * given (escaped where embedded); maps keep their insertion order.
 *
 * @param graphFile the {@code .fg} file, as the user named it ("" when none)
 * @param dataFiles the market data files in replay order (empty for the built-in synthetic market)
 * @param params parameter overrides and strategy parameters, in the order to show them
 * @param latency the order latency model, for example {@code "constant 10ms"} or {@code "file lat.npz"}
 * @param queueModel the queue position model, for example {@code "risk_averse"} or {@code "power(3)"}
 * @param makerFee maker fee as a fraction of traded value (negative for a rebate)
 * @param takerFee taker fee as a fraction of traded value
 * @param seed the random seed, when the run used one
 * @param wallTime how long the run took
 * @param eventsProcessed market events replayed
 * @param extra anything else worth showing (symbol, tick size, fill model, record interval...), in order
 */
public record RunMetadata(
        String graphFile,
        List<String> dataFiles,
        SequencedMap<String, String> params,
        String latency,
        String queueModel,
        double makerFee,
        double takerFee,
        OptionalLong seed,
        Duration wallTime,
        long eventsProcessed,
        SequencedMap<String, String> extra) {

    public RunMetadata {
        graphFile = Objects.requireNonNullElse(graphFile, "");
        dataFiles = List.copyOf(dataFiles);
        params = frozen(params);
        latency = Objects.requireNonNullElse(latency, "");
        queueModel = Objects.requireNonNullElse(queueModel, "");
        seed = Objects.requireNonNullElse(seed, OptionalLong.empty());
        wallTime = Objects.requireNonNullElse(wallTime, Duration.ZERO);
        extra = frozen(extra);
    }

    /** A builder with every field empty or zero. */
    public static Builder builder() {
        return new Builder();
    }

    /** Metadata with nothing in it (for tests and ad-hoc recordings). */
    public static RunMetadata empty() {
        return builder().build();
    }

    private static SequencedMap<String, String> frozen(SequencedMap<String, String> map) {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
        }
        return Collections.unmodifiableSequencedMap(copy);
    }

    /** Builds {@link RunMetadata}; every setter returns the builder. */
    public static final class Builder {
        private String graphFile = "";
        private final List<String> dataFiles = new ArrayList<>();
        private final LinkedHashMap<String, String> params = new LinkedHashMap<>();
        private String latency = "";
        private String queueModel = "";
        private double makerFee;
        private double takerFee;
        private OptionalLong seed = OptionalLong.empty();
        private Duration wallTime = Duration.ZERO;
        private long eventsProcessed;
        private final LinkedHashMap<String, String> extra = new LinkedHashMap<>();

        private Builder() {}

        public Builder graphFile(String graphFile) {
            this.graphFile = graphFile;
            return this;
        }

        public Builder dataFile(String file) {
            dataFiles.add(file);
            return this;
        }

        public Builder dataFiles(List<String> files) {
            dataFiles.addAll(files);
            return this;
        }

        public Builder param(String name, String value) {
            params.put(name, value);
            return this;
        }

        public Builder latency(String latency) {
            this.latency = latency;
            return this;
        }

        public Builder queueModel(String queueModel) {
            this.queueModel = queueModel;
            return this;
        }

        /** Maker and taker fees as fractions of traded value (negative for a rebate). */
        public Builder fees(double maker, double taker) {
            this.makerFee = maker;
            this.takerFee = taker;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = OptionalLong.of(seed);
            return this;
        }

        public Builder wallTime(Duration wallTime) {
            this.wallTime = wallTime;
            return this;
        }

        public Builder eventsProcessed(long events) {
            this.eventsProcessed = events;
            return this;
        }

        public Builder extra(String name, String value) {
            extra.put(name, value);
            return this;
        }

        public RunMetadata build() {
            return new RunMetadata(
                    graphFile,
                    dataFiles,
                    params,
                    latency,
                    queueModel,
                    makerFee,
                    takerFee,
                    seed,
                    wallTime,
                    eventsProcessed,
                    extra);
        }
    }
}
