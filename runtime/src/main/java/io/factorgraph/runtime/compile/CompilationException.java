package io.factorgraph.runtime.compile;

/** Thrown by {@link CompileResult#orElseThrow()}; the message is every rendered diagnostic. */
public final class CompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompilationException(String renderedDiagnostics) {
        super(renderedDiagnostics);
    }
}
