package io.factorgraph.cli;

import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.spi.ValueType;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Factor updates as CSV: {@code ts} then each output; doubles in Java's shortest round-trip form
 * ({@link Double#toString}), so a value read back is the same double; bools as 1 and 0.
 */
final class FactorCsv {
    private final Writer writer;
    private final List<OutputHandle> outputs;
    private final boolean[] bool;
    private final StringBuilder row = new StringBuilder(256);

    FactorCsv(Writer writer, List<OutputHandle> outputs) {
        this.writer = writer;
        this.outputs = outputs;
        this.bool = new boolean[outputs.size()];
        for (int i = 0; i < bool.length; i++) {
            bool[i] = outputs.get(i).type() == ValueType.BOOL;
        }
    }

    void writeHeader() throws IOException {
        row.setLength(0);
        row.append("ts");
        for (OutputHandle output : outputs) {
            row.append(',').append(output.name());
        }
        writer.write(row.append('\n').toString());
    }

    void writeRow(FactorUpdate update) throws IOException {
        row.setLength(0);
        row.append(update.timestampNanos());
        for (int i = 0; i < bool.length; i++) {
            row.append(',');
            double value = update.value(i);
            if (bool[i]) {
                row.append(value != 0.0 ? '1' : '0');
            } else {
                row.append(value);
            }
        }
        writer.append(row.append('\n'));
    }
}
