package io.factorgraph.runtime.spi;

import java.util.Objects;
import java.util.function.Function;

/** Builds {@link NodeFunction}s from a signature and a link-time factory. */
public final class Functions {
    private Functions() {}

    /** A function whose node is made by {@code linker}; the lambda runs at link time only. */
    public static NodeFunction define(Signature signature, Function<LinkContext, Node> linker) {
        return new Defined(signature, linker, Validator.NONE, Retention.NONE);
    }

    /** As {@link #define}, with a check of the constant arguments together at compile time. */
    public static NodeFunction define(Signature signature, Function<LinkContext, Node> linker, Validator validator) {
        return new Defined(signature, linker, Objects.requireNonNull(validator, "validator"), Retention.NONE);
    }

    /**
     * As {@link #define}, for a node whose memory grows with its constant arguments (a window, a lag):
     * {@code retention} says how much, see {@link FunctionDefinition#retainedBytes}.
     */
    public static NodeFunction define(Signature signature, Function<LinkContext, Node> linker, Retention retention) {
        return new Defined(signature, linker, Validator.NONE, Objects.requireNonNull(retention, "retention"));
    }

    /** A cross-argument check, see {@link FunctionDefinition#validate}. */
    @FunctionalInterface
    public interface Validator {
        Validator NONE = (arguments, problems) -> {};

        void validate(ConstantArguments arguments, ArgumentProblems problems);
    }

    /** The bytes a node keeps for its constant arguments, see {@link FunctionDefinition#retainedBytes}. */
    @FunctionalInterface
    public interface Retention {
        Retention NONE = arguments -> 0;

        long bytes(ConstantArguments arguments);

        /**
         * {@code bytesPerTick} for each tick of the integer argument {@code parameter} plus {@code extraTicks}:
         * the shape of every ring-buffered window.
         */
        static Retention perTick(String parameter, long extraTicks, long bytesPerTick) {
            // An integer argument is within int, so the product of two small factors stays within long.
            return arguments -> (arguments.integer(parameter) + extraTicks) * bytesPerTick;
        }

        /**
         * {@code bytesPerSample} for each sample the {@link ConstantKind#WINDOW} argument {@code parameter} can
         * hold ({@link WindowLength#maxSamples} under the graph's clock), plus {@code bytesPerDurationSample}
         * more per sample when it is a duration (the sample's time): the shape of every windowed node.
         */
        static Retention perSample(String parameter, long bytesPerSample, long bytesPerDurationSample) {
            return arguments -> {
                WindowLength window = arguments.window(parameter);
                long perSample = bytesPerSample + (window.duration() ? bytesPerDurationSample : 0);
                return window.maxSamples(arguments.clockNanos()) * perSample;
            };
        }
    }

    private record Defined(
            Signature signature, Function<LinkContext, Node> linker, Validator validator, Retention retention)
            implements NodeFunction {
        Defined {
            if (signature.isSink()) {
                throw new IllegalArgumentException(
                        signature.name() + " is declared as a sink; a sink is a " + "SinkFunction, not a node");
            }
        }

        @Override
        public void validate(ConstantArguments arguments, ArgumentProblems problems) {
            validator.validate(arguments, problems);
        }

        @Override
        public long retainedBytes(ConstantArguments arguments) {
            return retention.bytes(arguments);
        }

        @Override
        public Node link(LinkContext context) {
            return linker.apply(context);
        }

        @Override
        public String toString() {
            return signature.render();
        }
    }
}
