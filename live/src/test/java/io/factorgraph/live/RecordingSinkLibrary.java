package io.factorgraph.live;

import io.factorgraph.nodes.StandardLibrary;
import io.factorgraph.nodes.strategy.StatelessMm;
import io.factorgraph.runtime.execution.OrderGateway;
import io.factorgraph.runtime.execution.SinkInputs;
import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.registry.FunctionRegistry;
import io.factorgraph.runtime.spi.ArgumentProblems;
import io.factorgraph.runtime.spi.ConstantArguments;
import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.FunctionLibrary;
import io.factorgraph.runtime.spi.SinkDeclaration;
import io.factorgraph.runtime.spi.SinkFunction;
import io.factorgraph.runtime.spi.TradingTerms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The standard library with {@code stateless_mm} bound through a recorder: the very {@code StatelessMmSink} the
 * standard library binds, its gateway wrapped so that every order and cancel it sends is written down in the format of
 * the live strategy's {@code --orders-log}. For comparing what the backtest's sink sends with what the live one does.
 */
final class RecordingSinkLibrary implements FunctionLibrary {
    final List<String> lines = new ArrayList<>();

    static FunctionRegistry registry(RecordingSinkLibrary recording) {
        return FunctionRegistry.of(List.of(recording));
    }

    @Override
    public String name() {
        return "standard, stateless_mm recorded";
    }

    @Override
    public Collection<FunctionDefinition> functions() {
        List<FunctionDefinition> functions = new ArrayList<>();
        for (FunctionDefinition f : new StandardLibrary().functions()) {
            functions.add(f == StatelessMm.FUNCTION ? new RecordedSink() : f);
        }
        return functions;
    }

    private final class RecordedSink implements SinkFunction {
        @Override
        public SinkDeclaration declaration() {
            return StatelessMm.FUNCTION.declaration();
        }

        @Override
        public TradingTerms terms(ConstantArguments constants) {
            return StatelessMm.FUNCTION.terms(constants);
        }

        @Override
        public void validate(ConstantArguments arguments, ArgumentProblems problems) {
            StatelessMm.FUNCTION.validate(arguments, problems);
        }

        @Override
        public StrategySink bind(ConstantArguments constants) {
            StrategySink sink = StatelessMm.FUNCTION.bind(constants);
            return new StrategySink() {
                private long nextId = 1;

                @Override
                public void onTick(long timeNanos, SinkInputs inputs, OrderGateway gateway) {
                    sink.onTick(timeNanos, inputs, new OrderGateway() {
                        @Override
                        public double position() {
                            return gateway.position();
                        }

                        @Override
                        public int activeOrderCount() {
                            return gateway.activeOrderCount();
                        }

                        @Override
                        public long activeOrderId(int index) {
                            return gateway.activeOrderId(index);
                        }

                        @Override
                        public boolean activeOrderIsBid(int index) {
                            return gateway.activeOrderIsBid(index);
                        }

                        @Override
                        public double activeOrderPrice(int index) {
                            return gateway.activeOrderPrice(index);
                        }

                        @Override
                        public double activeOrderQty(int index) {
                            return gateway.activeOrderQty(index);
                        }

                        @Override
                        public void submit(boolean bid, double price, double qty, boolean postOnly) {
                            lines.add(timeNanos + ",new," + nextId++ + "," + (bid ? "buy" : "sell") + "," + price + ","
                                    + qty + "," + (postOnly ? 1 : 0));
                            gateway.submit(bid, price, qty, postOnly);
                        }

                        @Override
                        public void cancel(long orderId) {
                            lines.add(timeNanos + ",cancel," + orderId + ",,,,");
                            gateway.cancel(orderId);
                        }
                    });
                }
            };
        }
    }
}
