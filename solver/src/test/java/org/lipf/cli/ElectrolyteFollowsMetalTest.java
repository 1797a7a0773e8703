package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.lastSnapshot;
import static org.lipf.cli.CliTestSupport.lipfOk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lipf.backend.opencl.OpenClTestDevice;
import org.lipf.model.ModelParameters;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;
import org.lipf.output.TimeSeries;
import org.lipf.scenario.ScenarioLoader;

/**
 * The electrolyte follows the metal where it strips (docs/MODEL.md section 3.7): a Li / LPSCl cell stripped below
 * its starting surface, with a Li supply above the current (no voids), keeps the cell voltage of its first
 * seconds, since Butler-Volmer at the set current and the pellet's ohmic drop do not change as the surface
 * recedes; the cells the metal left hold LPSCl; the metal lost is the charge's (Faraday). Without the relabel the
 * Li layer's cells, ion blockers once empty, open a gap: this cell's voltage rose from 12.7 mV to 24 mV after
 * 1200 s and 336 mV after 1560 s, and the run failed.
 */
class ElectrolyteFollowsMetalTest {
    @TempDir
    Path tmp;

    /** 3 um of Li stripped at 0.5 mA/cm^2 for 1800 s: 1.22 um of it. */
    private static final String CELL = """
            name: strip
            grid: {dimensions: 2, width: 2 um, height: 7 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um}
            materials:
              li: {library: li-metal, critical_stripping_current: 10 A/m^2}
              lpscl: {library: lpscl-pellet}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 3 um, xi: 1, c: 1}
                - {material: lpscl, thickness: rest, c: 1}
            control: {mode: galvanostatic, current_density: -5 A/m^2}
            time: {integrator: semi_implicit, end: 1800 s, max_step: 5 s, output_interval: 300 s}
            """;

    /** The relabel runs on the host for both backends; the OpenCL backend then takes the material ids. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cpu", "opencl"})
    void strippingBelowTheStartingSurfaceKeepsTheVoltageAndTheElectrolyteTakesTheCellsTheMetalLeft(String backend) throws IOException {
        Path dir = run(backend, null, "1800", backend.equals("cpu") ? new String[0]
                : new String[] {"--backend", "opencl", "--device", Integer.toString(OpenClTestDevice.require().index())});
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] time = series.values("time_s"), voltage = series.values("cell_voltage_V"), metal = series.values("metal_volume_m3_per_m2");
        double[] charge = series.values("passed_charge_C_per_m2");
        int last = time.length - 1;
        assertEquals(1800, time[last], 1e-6, "the run reached its end");
        int early = 0;
        while (time[early] < 60) early++;
        // 0.5 mV: the front moves cell by cell through the lattice (the drop over 1.22 um more of pellet is 2e-5 V)
        assertEquals(voltage[early], voltage[last], 5e-4, "the stripping voltage after 1.22 um, against its first minute's");
        double rho = ModelParameters.from(ScenarioLoader.parse(CELL, "strip.yaml", Map.of())).chargeDensity_C_per_m3();
        double lost = metal[0] - metal[last];
        assertEquals(5 * 1800, -charge[last], 0.001 * 5 * 1800, "the control holds the set current to 0.1 %");
        assertEquals(-charge[last] / rho, lost, 0.01 * lost, "Faraday: the metal lost is the charge's");

        Snapshot end = lastSnapshot(dir);
        int lpscl = end.materialNames().indexOf("lpscl"), li = end.materialNames().indexOf("li"), nx = end.shape()[1];
        double[] xi = end.field("xi");
        int relabelled = 0;
        for (int k = 0; k < 12; k++) // the Li layer's rows
            for (int i = 0; i < nx; i++) {
                int c = k * nx + i;
                if (xi[c] < 0.5) {
                    assertEquals(lpscl, end.material()[c], "a Li-layer cell the metal left holds LPSCl, row " + k);
                    relabelled++;
                } else assertEquals(li, end.material()[c], "a cell that still holds its metal is Li, row " + k);
            }
        assertTrue(relabelled >= 4 * nx, "the metal left at least four rows of its layer: " + relabelled / nx);
    }

    /**
     * A stripping that takes all the metal ends the run as failed, when the passed charge equals the metal the cell
     * held (2 um at 5 mA/cm^2: 295 s), instead of stripping on into negative xi at ever smaller steps (it had not
     * reached 400 s after 10 minutes).
     */
    @Test
    void aStrippingThatUsesUpTheMetalEndsTheRun() throws IOException {
        Path yaml = CliTestSupport.write(tmp, "exhaust.yaml", CELL.replace("height: 7 um, spacing: 0.25 um", "height: 8 um, spacing: 0.5 um")
                .replace("interface_width: 0.5 um", "interface_width: 1 um").replace("critical_stripping_current: 10 A/m^2", "critical_stripping_current: 100 A/m^2")
                .replace("thickness: 3 um", "thickness: 2 um").replace("current_density: -5 A/m^2", "current_density: -50 A/m^2"));
        Path dir = tmp.resolve("exhaust");
        CliTestSupport.Result r = CliTestSupport.lipf("run", yaml.toString(), "-o", dir.toString(), "--end-time", "400");
        assertEquals(Lipf.EXIT_FAILED, r.exitCode(), r.stderr());
        double rho = ModelParameters.from(ScenarioLoader.parse(CELL, "strip.yaml", Map.of())).chargeDensity_C_per_m3();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("the metal is used up at t = ([0-9.]+) s").matcher(r.stderr());
        assertTrue(m.find(), r.stderr());
        // within the last step (5 s at most) after Faraday's time
        double faraday = 2e-6 * rho / 50;
        assertTrue(Double.parseDouble(m.group(1)) >= faraday && Double.parseDouble(m.group(1)) <= faraday + 5, m.group(1) + " s against " + faraday + " s");
        assertEquals(org.lipf.output.RunInfo.Status.FAILED, org.lipf.output.RunInfo.read(dir.resolve(org.lipf.output.RunInfo.FILE_NAME)).data().status());
    }

    /**
     * A stripping that fails in its last 50 nm, with its contact lost to voids (a cracked LiF film on 1.5 um of Li at
     * 5 mA/cm^2: the galvanostatic control finds no voltage that draws the current), says that the metal is used up or
     * cut off, with what is left and the failure, instead of asking whether there is a metal surface at all.
     */
    @Test
    void aStrippingThatFailsAsItsLastMetalGoesSaysSo() throws IOException {
        Path dir = tmp.resolve("lif");
        CliTestSupport.Result r = CliTestSupport.lipf("run", Path.of("..", "scenarios", "lif-50nm.yaml").toString(), "-o", dir.toString(),
                "--set", "geometry.layers[0].thickness=1.5 um", "--set", "control.current_density=-5 mA/cm^2", "--set", "time.integrator=semi_implicit",
                "--set", "time.max_step=5 s", "--end-time", "300");
        assertEquals(Lipf.EXIT_FAILED, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("the stripping could not go on at t = ") && r.stderr().contains("the metal is used up or cut off")
                && r.stderr().contains("The step failed with: galvanostatic control could not reach"), r.stderr());
    }

    /** The metal leaves two rows of its layer before the restart at 600 s and one more after it. */
    @Test
    void aRestartWhileTheElectrolyteFollowsEqualsTheUninterruptedRun() throws IOException {
        Path whole = run("whole", null, "1200");
        Path first = run("first", null, "600");
        List<Path> snaps = SnapshotReader.list(first.resolve("snapshots"));
        Path restarted = run("restarted", snaps.get(snaps.size() - 1), "1200");
        RestartTest.assertSameFinalState(whole, restarted);
    }

    /**
     * A strip of soft carbon in the Li layer, a host whose faces against the LPSCl react (docs/MODEL.md section 3.6.1):
     * plating fills its top cells through its top faces and its volume; stripping takes the Li front below its
     * starting surface, and the LPSCl that follows it into the Li layer's cells beside the strip makes new host faces
     * there, which react from the step that made them (until 2026-12-07 the faces were found once, at the start).
     */
    private static final String HOST_BESIDE_LI = CliTestSupport.HOST_STRIP.replace("name: host-strip", "name: host-beside-li")
            .replace("  lpscl: {library: lpscl-pellet}\n", "  lpscl: {library: lpscl-pellet}\n"
                    + "  lge: {diffusivity: 1e-13 m^2/s, ionic_conductivity: 1e-3 S/m, electronic_conductivity: 10 S/m, exchange_current_density: 3 A/m^2, free_fraction: 1}\n")
            .replace("control: {mode: galvanostatic, current_density: 1 mA/cm^2}",
                    "control: {mode: galvanostatic, protocol: {type: cycling, current_density: 1 mA/cm^2, capacity: 150 C/m^2, cycles: 1}}")
            .replace("output_interval: 1 s, end: 30 s}", "output_interval: 5 s}");

    /**
     * Faraday's law at every row of a plating and stripping in which the electrolyte, following the metal, opens new
     * faces beside the host: the metal volume (resolved, dispersed and at the faces) changes by the passed charge
     * over n F c_s, within 1e-4 of the charge plated (measured: below 1e-6). With an interphase that turns the LPSCl into
     * an electron-conducting host (LGe) the faces change twice over: where it grows, and where it follows the metal.
     */
    @ParameterizedTest(name = "with an interphase: {0}")
    @ValueSource(booleans = {false, true})
    void faradayHoldsWhereRelabelsChangeTheReactingHostFaces(boolean interphase) throws IOException {
        Path dir = run("faraday", HOST_BESIDE_LI + (interphase ? "interphases: [{material: lpscl, product: lge, rate_constant: 1.5e-15 m^2/s}]\n" : ""),
                null, "30");
        double[] time = CliTestSupport.assertFaradayAtEveryRow(dir, HOST_BESIDE_LI, 1e-4 * 150);
        assertEquals(30, time[time.length - 1], 1e-6, "the run plated and stripped");
        Snapshot end = lastSnapshot(dir);
        int li = end.materialNames().indexOf("li"), host = end.materialNames().indexOf("host"), nx = end.shape()[1];
        int followed = 0;
        for (int k = 0; k < 10; k++) // the Li layer's rows
            for (int i = 0; i < nx; i++)
                if (end.material()[k * nx + i] != li && end.material()[k * nx + i] != host) followed++;
        assertTrue(followed >= 2, "the electrolyte followed the metal beside the host: " + followed + " cells");
    }

    /**
     * A restart after the electrolyte opened new host faces equals the uninterrupted run: the restart finds the faces
     * on the relabelled map, and so does the run that made the relabel (before 2026-12-07 it kept the faces of the
     * start, and the two runs parted at the restart).
     */
    @Test
    void aRestartAfterTheFollowingElectrolyteOpenedHostFacesEqualsTheUninterruptedRun() throws IOException {
        Path whole = run("whole", HOST_BESIDE_LI, null, "30");
        Path first = run("first", HOST_BESIDE_LI, null, "25");
        List<Path> snaps = SnapshotReader.list(first.resolve("snapshots"));
        Path restarted = run("restarted", HOST_BESIDE_LI, snaps.get(snaps.size() - 1), "30");
        RestartTest.assertSameFinalState(whole, restarted);
    }

    private Path run(String name, Path restart, String end, String... extra) throws IOException {
        return run(name, CELL, restart, end, extra);
    }

    private Path run(String name, String scenario, Path restart, String end, String... extra) throws IOException {
        Path yaml = tmp.resolve(name + ".yaml");
        Files.writeString(yaml, scenario);
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", yaml.toString(), "-o", out.toString(), "--threads", "2", "--end-time", end));
        if (restart != null) args.addAll(List.of("--restart", restart.toString()));
        args.addAll(List.of(extra));
        lipfOk(args.toArray(String[]::new));
        return out;
    }
}
