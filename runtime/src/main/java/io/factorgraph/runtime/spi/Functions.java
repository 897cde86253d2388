package io.factorgraph.runtime.spi;

import java.util.Objects;
import java.util.function.Function;

/** Builds {@link FunctionDefinition}s from a signature and a link-time factory. */
public final class Functions {
    private Functions() {
    }

    /** A function whose node is made by {@code linker}; the lambda runs at link time only. */
    public static FunctionDefinition define(Signature signature, Function<LinkContext, Node> linker) {
        return new Defined(signature, linker, null);
    }

    /** As {@link #define}, with a check of the constant arguments together at compile time. */
    public static FunctionDefinition define(Signature signature, Function<LinkContext, Node> linker,
            Validator validator) {
        return new Defined(signature, linker, Objects.requireNonNull(validator, "validator"));
    }

    /** A sink, bound by {@code binder} from its constant arguments; see {@link SinkFunction}. */
    public static SinkFunction defineSink(Signature signature,
            Function<java.util.Map<String, Constant>, io.factorgraph.runtime.execution.StrategySink> binder,
            Validator validator) {
        if (!signature.isSink()) {
            throw new IllegalArgumentException(signature.name() + " is not declared as a sink (Signature.sink)");
        }
        return new DefinedSink(signature, binder, Objects.requireNonNull(validator, "validator"));
    }

    private record DefinedSink(Signature signature,
            Function<java.util.Map<String, Constant>, io.factorgraph.runtime.execution.StrategySink> binder,
            Validator validator) implements SinkFunction {
        @Override
        public void validate(ConstantArguments arguments, ArgumentProblems problems) {
            validator.validate(arguments, problems);
        }

        @Override
        public io.factorgraph.runtime.execution.StrategySink bind(java.util.Map<String, Constant> constants) {
            return binder.apply(constants);
        }

        @Override
        public String toString() {
            return signature.render();
        }
    }

    /** A cross-argument check, see {@link FunctionDefinition#validate}. */
    @FunctionalInterface
    public interface Validator {
        void validate(ConstantArguments arguments, ArgumentProblems problems);
    }

    private record Defined(Signature signature, Function<LinkContext, Node> linker, Validator validator)
            implements FunctionDefinition {
        @Override
        public void validate(ConstantArguments arguments, ArgumentProblems problems) {
            if (validator != null) {
                validator.validate(arguments, problems);
            }
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
