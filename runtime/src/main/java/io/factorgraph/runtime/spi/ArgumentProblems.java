package io.factorgraph.runtime.spi;

/**
 * Where a function's own validation reports what is wrong with a call; the compiler turns each
 * report into a diagnostic pointing at the named argument (or at the call when it was defaulted).
 */
public interface ArgumentProblems {
    void error(String parameter, String message, String help);
}
