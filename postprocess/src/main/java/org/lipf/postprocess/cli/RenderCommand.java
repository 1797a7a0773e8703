package org.lipf.postprocess.cli;

import java.nio.file.Path;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.render.FieldKind;
import org.lipf.postprocess.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lipf render RUN}: pictures of the snapshots under RUN/figures/. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Draw the snapshots of a run as PNG images under RUN/figures/.",
            "The Li metal over the material map (xi), or a field in colour with a colour bar; axes in um and the "
                + "simulated time on every frame. 3D runs: two mid-slices, an x-y slice through the metal front and the front "
                + "height map (open RUN/fields.xdmf in ParaView for volume rendering)."})
public final class RenderCommand extends PostprocessCommand {
    @Parameters(index = "0", paramLabel = "RUN", description = "Run folder (written by lipf run).")
    Path runDir;

    @Option(names = "--field", paramLabel = "FIELD", defaultValue = "xi",
            description = "xi (morphology, default), c, phi_l, phi_s, eta (overpotential) or current (|i|, mA/cm^2).")
    String field;

    @Option(names = "--every", paramLabel = "N", defaultValue = "1", description = "Every N-th snapshot (the last is always drawn).")
    int every;

    @Option(names = "--animate", description = "Also write the sequence as an animated GIF, RUN/figures/FIELD.gif.")
    boolean animate;

    @Override
    int execute() throws Exception {
        FieldKind kind = FieldKind.byKey(field);
        if (kind == null) throw new RunFolderException("--field: unknown field '" + field + "'; known: " + FieldKind.keys());
        if (every < 1) throw new RunFolderException("--every must be >= 1, got " + every);
        RunFolder run = RunFolder.open(runDir);
        Renderer.Output out = Renderer.renderRun(run, kind, every, animate);
        System.err.println("lipf: " + out.images().size() + " images in " + run.figuresDir()
                + (out.animation() != null ? ", animation " + out.animation() : ""));
        if (run.read(0).dimensions() == 3)
            System.err.println("lipf: for volume rendering open " + run.dir().resolve(RunFolder.XDMF_FILE) + " in ParaView (XDMF reader)");
        return 0;
    }
}
