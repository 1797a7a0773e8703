package org.lipf.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folder names of runs, made from their parameters: {@code current_density-2mA_per_cm2__base-sc}.
 * An axis with the same value in every run (a single-valued axis) is left out: it tells the runs
 * nothing apart and made names too long to read (a run of no varying axis is {@code base}). Names
 * are stable (the same parameters give the same name in every sweep that has the same axes and
 * values) and safe on every file system ({@code [A-Za-z0-9._+-]} only). Where two runs would get
 * the same name after sanitising, or a name would be longer than {@link #MAX_LENGTH}, the name ends
 * with 8 hex digits of the SHA-256 of the exact parameters in the name.
 */
final class RunNames {
    static final int MAX_LENGTH = 120;

    private RunNames() {
    }

    /** A short name per axis: the last part of its key ({@code geometry.layers[1].thickness -> thickness}) unless two axes share it. */
    static Map<String, String> shortAxisNames(List<String> axes) {
        Map<String, String> shortNames = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (String a : axes) counts.merge(lastPart(a), 1, Integer::sum);
        for (String a : axes) shortNames.put(a, sanitise((counts.get(lastPart(a)) == 1 ? lastPart(a) : a).replaceAll("[\\[\\]]", "")));
        return shortNames;
    }

    /** One name per parameter set, in order; unique. Axes with the same value in every set are left out. */
    static List<String> names(List<Map<String, String>> parameterSets, List<String> axes) {
        List<String> varying = axes.stream().filter(a -> parameterSets.stream().map(p -> p.get(a)).distinct().count() > 1).toList();
        return namesOf(parameterSets, varying);
    }

    /** The names made of the axes {@code named}. */
    private static List<String> namesOf(List<Map<String, String>> parameterSets, List<String> named) {
        Map<String, String> shortNames = shortAxisNames(named);
        List<Map<String, String>> shown = new ArrayList<>();
        List<String> readable = new ArrayList<>();
        for (Map<String, String> p : parameterSets) {
            Map<String, String> s = new LinkedHashMap<>(p);
            s.keySet().retainAll(named);
            List<String> parts = new ArrayList<>();
            s.forEach((axis, label) -> parts.add(shortNames.get(axis) + "-" + sanitise(label)));
            shown.add(s);
            readable.add(parts.isEmpty() ? "base" : String.join("__", parts));
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String r : readable) counts.merge(r, 1, Integer::sum);
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < readable.size(); i++) {
            String r = readable.get(i);
            String name = counts.get(r) == 1 && r.length() <= MAX_LENGTH ? r
                    : r.substring(0, Math.min(r.length(), MAX_LENGTH - 9)) + "-" + hash(shown.get(i).toString());
            if (!seen.add(name)) throw new IllegalStateException("two runs with the same parameters: " + parameterSets.get(i));
            out.add(name);
        }
        return out;
    }

    /** {@code "5 mA/cm^2" -> "5mA_per_cm2"}, {@code "20 %" -> "20pct"}; other characters outside [A-Za-z0-9._+-] become '_'. */
    static String sanitise(String text) {
        String s = text.trim().replace("/", "_per_").replace("%", "pct").replace("^", "").replace("**", "").replaceAll("\\s+", "");
        s = s.replaceAll("[^A-Za-z0-9._+-]", "_").replaceAll("_+", "_");
        if (s.startsWith(".") || s.isEmpty()) s = "_" + s;
        return s;
    }

    private static String lastPart(String axis) {
        return axis.substring(axis.lastIndexOf('.') + 1);
    }

    /** 8 hex digits of the SHA-256 of {@code text}. */
    static String hash(String text) {
        return sha256(text).substring(0, 8);
    }

    /** The SHA-256 of {@code text} (UTF-8) in hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
