package io.factorgraph.dsl.diagnostic;

import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import java.util.Collection;

/**
 * Prints diagnostics in the gcc/rustc form a developer's editor and eyes already parse:
 *
 * <pre>
 * graph.fg:3:9: error: unknown function 'zscroe'
 *     3 | alpha = zscroe(obi, 600)
 *       |         ^~~~~~
 *       = help: did you mean 'zscore'?
 * </pre>
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {}

    public static String render(SourceText source, Collection<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics) {
            out.append(render(source, diagnostic));
        }
        return out.toString();
    }

    public static String render(SourceText source, Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        header(out, source, diagnostic.span(), diagnostic.severity().label(), diagnostic.message());
        excerpt(out, source, diagnostic.span());
        for (Note note : diagnostic.notes()) {
            if (note.span().isPresent()) {
                Span at = note.span().get();
                header(out, source, at, note.kind().label(), note.message());
                excerpt(out, source, at);
            } else {
                out.append(gutter(source, diagnostic.span()))
                        .append("= ")
                        .append(note.kind().label())
                        .append(": ")
                        .append(note.message())
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** One line: {@code file:line:col: severity: message}. */
    public static String headline(SourceText source, Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        header(out, source, diagnostic.span(), diagnostic.severity().label(), diagnostic.message());
        return out.substring(0, out.length() - 1);
    }

    private static void header(StringBuilder out, SourceText source, Span span, String label, String message) {
        out.append(source.name())
                .append(':')
                .append(span.line())
                .append(':')
                .append(span.column())
                .append(": ")
                .append(label)
                .append(": ")
                .append(message)
                .append('\n');
    }

    /**
     * The source line and a caret line under it. The caret goes under the span's first character
     * however the characters before it print: a tab as four spaces (in both lines), a control
     * character as its visible symbol, an emoji or a CJK character two terminal cells wide, a
     * combining accent none. The underline covers the span's characters on this line the same way.
     */
    private static void excerpt(StringBuilder out, SourceText source, Span span) {
        String lineNumber = Integer.toString(span.line());
        boolean known = span.line() <= source.lineCount();
        String text = known ? source.line(span.line()) : "";
        int start = known ? Math.max(0, span.offset() - source.lineOffset(span.line())) : 0;

        StringBuilder shown = new StringBuilder();
        int[] cell = new int[text.length() + 1]; // the display cell where each UTF-16 index of the line starts
        int cells = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int units = Character.charCount(c);
            for (int k = 0; k < units; k++) {
                cell[i + k] = cells;
            }
            if (c == '\t') {
                shown.append("    ");
                cells += 4;
            } else if (c < 0x20 || c == 0x7f) {
                shown.append((char) (c == 0x7f ? 0x2421 : 0x2400 + c)); // the control picture: U+2400 for NUL
                cells += 1;
            } else if (Character.isSurrogate((char) c) || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                shown.append('\uFFFD');
                cells += 1;
            } else {
                shown.appendCodePoint(c);
                cells += DisplayWidth.of(c);
            }
            i += units;
        }
        cell[text.length()] = cells;

        int pad = start <= text.length() ? cell[start] : cells + (start - text.length());
        int end = Math.min(text.length(), start + span.length());
        int underline = start < text.length() ? Math.max(1, cell[end] - cell[start]) : 1;
        out.append("  ")
                .append(' ')
                .append(lineNumber)
                .append(" | ")
                .append(shown)
                .append('\n');
        out.append("  ").append(' ').append(" ".repeat(lineNumber.length())).append(" | ");
        out.append(" ".repeat(pad))
                .append('^')
                .append("~".repeat(underline - 1))
                .append('\n');
    }

    private static String gutter(SourceText source, Span span) {
        return "  " + " " + " ".repeat(Integer.toString(span.line()).length()) + " ";
    }
}
