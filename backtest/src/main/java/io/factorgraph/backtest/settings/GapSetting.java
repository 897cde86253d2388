package io.factorgraph.backtest.settings;

import io.factorgraph.runtime.data.GapPolicy;
import java.util.Locale;

/** {@code --on-gap fail|resync}: what a sequence gap in a recorded feed does ({@link GapPolicy}). */
public final class GapSetting {
    /** The accepted forms, for messages. */
    public static final String FORMS = "expected fail or resync";

    private GapSetting() {}

    /** @throws IllegalArgumentException {@code 'TEXT': expected fail or resync} */
    public static GapPolicy parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "fail" -> GapPolicy.FAIL;
            case "resync" -> GapPolicy.RESYNC;
            default -> throw new IllegalArgumentException("'" + text + "': " + FORMS);
        };
    }

    /** The name {@link #parse} reads back. */
    public static String canonical(GapPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT);
    }
}
