package io.factorgraph.dsl.parse;

import io.factorgraph.dsl.ast.Definition;
import io.factorgraph.dsl.ast.DurationLiteral;
import io.factorgraph.dsl.source.SourceText;
import java.util.OptionalLong;

/** Reads single {@code .fg} literals given outside a file, such as {@code --interval 100ms}. */
public final class Literals {
    private Literals() {}

    /** The nanoseconds of a duration literal ({@code 100ms}, {@code 1s}, {@code 5m}); empty when it is not one. */
    public static OptionalLong duration(String text) {
        ParseResult parsed = FgParser.parse(SourceText.of("<duration>", "d = " + text.strip()));
        if (parsed.hasErrors()
                || parsed.program().statements().size() != 1
                || !(parsed.program().statements().get(0) instanceof Definition definition)
                || !(definition.value() instanceof DurationLiteral duration)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(duration.nanos());
    }
}
