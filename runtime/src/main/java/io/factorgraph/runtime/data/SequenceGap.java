package io.factorgraph.runtime.data;

/**
 * A break in a depth stream's update ids that a reader re-synchronised over ({@link GapPolicy#RESYNC}).
 *
 * @param location the {@code file:line} of the diff that did not continue the sequence
 * @param detail what was expected and what was found, as {@link GapPolicy#FAIL} would have reported it
 */
public record SequenceGap(String location, String detail) {
    public SequenceGap {
        if (location == null || detail == null) {
            throw new NullPointerException("location and detail must not be null");
        }
    }

    @Override
    public String toString() {
        return location + ": " + detail;
    }
}
