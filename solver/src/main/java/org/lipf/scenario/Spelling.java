package org.lipf.scenario;

import java.util.Collection;
import java.util.Locale;

/** The name a misspelt one most likely meant: the "did you mean" of error messages about names. */
public final class Spelling {
    private Spelling() {
    }

    /**
     * The name of {@code names} fewest edits away from {@code name} (compared in lower case), or null
     * when even that one is more than max(2, a third of the name's length) edits away: then it is no
     * slip of the keyboard and a guess would mislead.
     */
    public static String closest(String name, Collection<String> names) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String n : names) {
            int d = levenshtein(name.toLowerCase(Locale.ROOT), n);
            if (d < bestD) {
                bestD = d;
                best = n;
            }
        }
        return best != null && bestD <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
