package org.lipf.postprocess.cli;

import java.nio.file.Path;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.render.FieldKind;
import org.lipf.postprocess.render.Renderer;
import org.lipf.postprocess.render.SlicePositions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lipf render RUN}: pictures of the snapshots under RUN/figures/. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Draw the snapshots of a run as PNG images under RUN/figures/.",
            "The Li metal over the material map (xi), or a field in colour with a colour bar; axes in um and the "
                + "simulated time on every frame. 3D runs: an x-z and a y-z slice (mid-planes, or --slice-y, --slice-x), an x-y slice "
                + "through the metal front (or at the height --slice-z), the front height map and the map of the deposition current (open RUN/fields.xdmf in ParaView for volume rendering)."})
public final class RenderCommand extends PostprocessCommand {
    @Parameters(index = "0", paramLabel = "RUN", description = "Run folder (written by lipf run).")
    Path runDir;

    @Option(names = "--field", paramLabel = "FIELD", defaultValue = "xi",
            description = "xi (morphology, default; a host's dispersed Li tints its cells), c, phi_l, phi_s, eta (overpotential), "
                    + "current (|i|, mA/cm^2), dispersed_li (the fill of a host's pores) or film_resistance (of the films on the metal, ohm cm^2).")
    String field;

    @Option(names = "--every", paramLabel = "N", defaultValue = "1", description = "Every N-th snapshot (the last is always drawn).")
    int every;

    @Option(names = "--animate", description = "Also write the sequence as an animated GIF, RUN/figures/FIELD.gif.")
    boolean animate;

    @Option(names = "--slice-x", paramLabel = "X",
            description = "Where a 3D run's y-z slice cuts x, e.g. '1.2 um'; a bare number is in um (default: mid x).")
    String sliceX;

    @Option(names = "--slice-y", paramLabel = "Y",
            description = "Where a 3D run's x-z slice cuts y, e.g. '1.2 um'; a bare number is in um (default: mid y).")
    String sliceY;

    @Option(names = "--slice-z", paramLabel = "Z",
            description = "Where a 3D run's x-y slice cuts z, the height above the current collector, e.g. '6 um'; a bare number is in um "
                    + "(default: through the metal front).")
    String sliceZ;

    @Override
    int execute() throws Exception {
        FieldKind kind = FieldKind.byKey(field);
        if (kind == null) throw new RunFolderException("--field: unknown field '" + field + "'; known: " + FieldKind.keys());
        if (every < 1) throw new RunFolderException("--every must be >= 1, got " + every);
        RunFolder run = RunFolder.open(runDir);
        String placed = sliceX != null ? "--slice-x" : sliceY != null ? "--slice-y" : sliceZ != null ? "--slice-z" : null;
        if (placed != null && !is3D(run))
            throw new RunFolderException(placed + ": " + run.dir() + " is a 2D run (its picture is its one x-z cross-section)");
        SlicePositions slices = new SlicePositions(slice("--slice-x", sliceX), slice("--slice-y", sliceY), slice("--slice-z", sliceZ));
        Renderer.Output out = Renderer.renderRun(run, kind, every, animate, slices);
        System.err.println("lipf: " + out.images().size() + " images in " + run.figuresDir()
                + (out.animation() != null ? ", animation " + out.animation() : ""));
        if (is3D(run))
            System.err.println("lipf: for volume rendering open " + run.dir().resolve(RunFolder.XDMF_FILE) + " in ParaView (XDMF reader)");
        return 0;
    }
}
