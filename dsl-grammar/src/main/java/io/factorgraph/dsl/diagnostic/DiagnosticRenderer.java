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
    private DiagnosticRenderer() {
    }

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
                out.append(gutter(source, diagnostic.span())).append("= ")
                        .append(note.kind().label()).append(": ").append(note.message()).append('\n');
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
        out.append(source.name()).append(':').append(span.line()).append(':').append(span.column())
                .append(": ").append(label).append(": ").append(message).append('\n');
    }

    private static void excerpt(StringBuilder out, SourceText source, Span span) {
        String lineNumber = Integer.toString(span.line());
        String text = span.line() <= source.lineCount() ? source.line(span.line()) : "";
        String pad = " ".repeat(lineNumber.length());
        out.append("  ").append(' ').append(lineNumber).append(" | ").append(expandTabs(text)).append('\n');
        out.append("  ").append(' ').append(pad).append(" | ");
        int column = span.column() - 1;
        for (int i = 0; i < column && i < text.length(); i++) {
            out.append(text.charAt(i) == '\t' ? "    " : " ");
        }
        for (int i = text.length(); i < column; i++) {
            out.append(' ');
        }
        int visible = Math.max(1, Math.min(span.length(), Math.max(1, text.length() - column)));
        out.append('^');
        out.append("~".repeat(visible - 1));
        out.append('\n');
    }

    private static String gutter(SourceText source, Span span) {
        return "  " + " " + " ".repeat(Integer.toString(span.line()).length()) + " ";
    }

    private static String expandTabs(String text) {
        return text.replace("\t", "    ");
    }
}
