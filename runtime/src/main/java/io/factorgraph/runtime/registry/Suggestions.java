package io.factorgraph.runtime.registry;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for misspelt names: the closest candidate by Damerau-Levenshtein distance, when it
 * is close enough to be a typo rather than a different word.
 */
public final class Suggestions {
    private Suggestions() {}

    public static Optional<String> closest(String typed, Collection<String> candidates, boolean ignoreCase) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String query = ignoreCase ? typed.toLowerCase(Locale.ROOT) : typed;
        for (String candidate : candidates) {
            String compared = ignoreCase ? candidate.toLowerCase(Locale.ROOT) : candidate;
            if (compared.equals(query) && !candidate.equals(typed)) {
                return Optional.of(candidate);
            }
            int distance = distance(query, compared);
            if (distance < bestDistance
                    || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null || typed.length() < 3) {
            // One- and two-letter names are a typo away from every other short name: no guess is a good guess.
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.min(typed.length(), best.length()) / 3);
        return bestDistance <= allowed && bestDistance > 0 ? Optional.of(best) : Optional.empty();
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
