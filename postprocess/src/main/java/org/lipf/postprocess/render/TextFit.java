package org.lipf.postprocess.render;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;

/** Text fitted to a width: shortened, so that labels side by side do not run into each other, or wrapped. */
final class TextFit {
    static final String ELLIPSIS = "\u2026";

    private TextFit() {
    }

    /**
     * {@code text} if it fits {@code maxWidth} px, else its start and end around an ellipsis (run folders of
     * one study tend to differ at the end: {@code li-lpscl-5mA}, {@code li-lpscl-10mA}).
     */
    static String middle(String text, FontMetrics fm, int maxWidth) {
        if (fm.stringWidth(text) <= maxWidth) return text;
        for (int keep = text.length() - 1; keep > 0; keep--) {
            String s = text.substring(0, (keep + 1) / 2) + ELLIPSIS + text.substring(text.length() - keep / 2);
            if (fm.stringWidth(s) <= maxWidth) return s;
        }
        return ELLIPSIS;
    }

    /**
     * {@code text} broken at spaces into lines of at most {@code maxWidth} px, each as full as it can be;
     * a word wider than that stands on a line of its own (a title must say all it says, however narrow
     * the figure).
     */
    static List<String> wrap(String text, FontMetrics fm, int maxWidth) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (line.isEmpty() || fm.stringWidth(longer) <= maxWidth) {
                line = longer;
            } else {
                lines.add(line.strip());
                line = word;
            }
        }
        lines.add(line.strip());
        return lines;
    }
}
