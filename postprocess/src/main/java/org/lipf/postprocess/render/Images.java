package org.lipf.postprocess.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.lipf.output.AtomicFiles;

/** Writing pictures atomically, and the text of the simulated time on them. */
public final class Images {
    private Images() {
    }

    /** Writes a PNG atomically (readers never see a partial file). */
    public static Path writePng(BufferedImage img, Path file) throws IOException {
        return AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer");
        });
    }

    /** A simulated time for a title: four significant digits, in s, ms below 10 ms, us below 0.1 ms. */
    public static String time(double time_s) {
        if (time_s == 0) return "0 s";
        double a = Math.abs(time_s);
        if (a >= 1e-2) return trim(String.format(Locale.ROOT, "%.4g", time_s)) + " s";
        if (a >= 1e-4) return trim(String.format(Locale.ROOT, "%.4g", time_s * 1e3)) + " ms";
        return trim(String.format(Locale.ROOT, "%.4g", time_s * 1e6)) + " \u00b5s";
    }

    /**
     * Where a run's layer shares count from ({@code RunMetrics.sharesFrom_s}), for labels: "" from the start of the run,
     * " since t = 6 s" from a later first snapshot.
     */
    public static String since(double sharesFrom_s) {
        return sharesFrom_s > 0 ? " since t = " + time(sharesFrom_s) : "";
    }

    /** A formatted decimal without trailing zeros ("0.50" to "0.5", "4.000" to "4"). */
    static String trim(String s) {
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
