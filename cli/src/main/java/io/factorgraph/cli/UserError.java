package io.factorgraph.cli;

/**
 * A mistake of the user's (a missing file, a bad value): printed as {@code fg CMD: error: message}
 * with exit code 1, never as a stack trace.
 */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message, null, false, false);
    }
}
