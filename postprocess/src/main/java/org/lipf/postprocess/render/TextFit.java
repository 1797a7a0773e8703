package org.lipf.postprocess.render;

import java.awt.FontMetrics;

/** Text shortened to a width, so that labels side by side do not run into each other. */
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
}
