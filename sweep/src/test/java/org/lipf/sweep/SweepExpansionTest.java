package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepExpansionTest {
    @TempDir
    Path dir;

    private List<SweepRun> expand(String sweepYaml) throws IOException {
        SweepTestSupport.tinyCell(dir);
        return SweepExpander.expand(SweepFileReader.read(SweepTestSupport.write(dir, "sweep.yaml", sweepYaml)));
    }

    private static List<String> values(List<SweepRun> runs, String axis) {
        return runs.stream().map(r -> r.parameters().get(axis)).toList();
    }

    @Test
    void listAxesCombineWithTheFirstAxisVaryingSlowest() throws IOException {
        List<SweepRun> runs = expand("""
                base: cell.yaml
                axes:
                  control.current_density: [1 mA/cm^2, 2 mA/cm^2]
                  geometry.layers[0].thickness: [1 um, 2 um, 3 um]
                """);
        assertEquals(6, runs.size());
        assertEquals(List.of("1 mA/cm^2", "1 mA/cm^2", "1 mA/cm^2", "2 mA/cm^2", "2 mA/cm^2", "2 mA/cm^2"), values(runs, "control.current_density"));
        assertEquals(List.of("1 um", "2 um", "3 um", "1 um", "2 um", "3 um"), values(runs, "geometry.layers[0].thickness"));
        assertEquals(Map.of("control.current_density", "2 mA/cm^2", "geometry.layers[0].thickness", "3 um"), runs.get(5).overrides());
        assertEquals(IntStream.range(0, 6).boxed().toList(), runs.stream().map(SweepRun::index).toList());
        assertEquals(dir.resolve("cell.yaml").toAbsolutePath().normalize(), runs.get(0).scenario());
    }

    @Test
    void rangesIncludeBothEndsInTheUnitOfFrom() throws IOException {
        List<SweepRun> runs = expand("""
                base: cell.yaml
                axes:
                  geometry.layers[0].thickness: {from: 20 nm, to: 100 nm, steps: 5}
                  control.current_density: {from: 1 mA/cm^2, to: 2 mA/cm^2, step: 0.25 mA/cm^2}
                  grid.spacing: {from: 0.01 um, to: 1 um, steps: 3, scale: log}
                """);
        assertEquals(5 * 5 * 3, runs.size());
        assertEquals(List.of("20 nm", "40 nm", "60 nm", "80 nm", "100 nm"), values(runs, "geometry.layers[0].thickness").stream().distinct().toList());
        assertEquals(List.of("1 mA/cm^2", "1.25 mA/cm^2", "1.5 mA/cm^2", "1.75 mA/cm^2", "2 mA/cm^2"),
                values(runs, "control.current_density").stream().distinct().toList());
        assertEquals(List.of("0.01 um", "0.1 um", "1 um"), values(runs, "grid.spacing").stream().distinct().toList());
    }

    @Test
    void plotOverALogarithmicAxisUsesALogScale() throws IOException {
        SweepTestSupport.tinyCell(dir);
        String sweep = """
                base: cell.yaml
                axes:
                  control.current_density: {from: 1 mA/cm^2, to: 10 mA/cm^2, steps: 3, scale: %s}
                  grid.spacing: [0.25 um, 0.5 um]
                plot: {metric: cell_voltage_V, x: %s, series: grid.spacing}
                """;
        assertTrue(SweepFileReader.read(SweepTestSupport.write(dir, "s.yaml", sweep.formatted("log", "control.current_density"))).plot().logX());
        assertFalse(SweepFileReader.read(SweepTestSupport.write(dir, "s.yaml", sweep.formatted("linear", "control.current_density"))).plot().logX());
        assertFalse(SweepFileReader.read(SweepTestSupport.write(dir, "s.yaml", sweep.formatted("log", "grid.spacing").replace("series: grid.spacing", "series: control.current_density"))).plot().logX());
    }

    @Test
    void zippedAxesVaryTogetherAndReplicatesVaryFastest() throws IOException {
        List<SweepRun> runs = expand("""
                base: cell.yaml
                axes:
                  control.current_density: [1 mA/cm^2, 2 mA/cm^2, 4 mA/cm^2]
                  time.end: [40 s, 20 s, 10 s]
                  grid.spacing: [0.25 um, 0.125 um]
                zip: [[control.current_density, time.end]]
                replicates: {count: 2}
                """);
        assertEquals(3 * 2 * 2, runs.size());
        for (SweepRun r : runs) {
            double i = QuantityText.parse(r.parameters().get("control.current_density")).value();
            double t = QuantityText.parse(r.parameters().get("time.end")).value();
            assertEquals(40, i * t, 1e-12, "zipped values stay paired: " + r.parameters());
        }
        assertEquals(List.of("1", "2", "1", "2"), values(runs, "seed").subList(0, 4));
        assertEquals("1", runs.get(0).overrides().get(SweepFileReader.DEFAULT_SEED_KEY));
        assertEquals(List.of("0.25 um", "0.25 um", "0.125 um", "0.125 um"), values(runs, "grid.spacing").subList(0, 4));
    }

    @Test
    void scenarioFilesAndNamedAlternativesAreAxisValues() throws IOException {
        SweepTestSupport.write(dir, "other.yaml", java.nio.file.Files.readString(SweepTestSupport.tinyCell(dir)).replace("name: cell", "name: other"));
        List<SweepRun> runs = SweepExpander.expand(SweepFileReader.read(SweepTestSupport.write(dir, "sweep.yaml", """
                base: cell.yaml
                axes:
                  base: [cell.yaml, other.yaml]
                  anode:
                    thin:
                      geometry.layers[0].thickness: 1 um
                      geometry.nuclei: [{x: 2 um, radius: 0.5 um}]
                    thick: {"geometry.layers[0].thickness": 3 um}
                """)));
        assertEquals(4, runs.size());
        assertEquals(List.of("cell", "cell", "other", "other"), values(runs, "base"));
        assertEquals(dir.resolve("other.yaml").toAbsolutePath().normalize(), runs.get(2).scenario());
        assertEquals(Map.of("geometry.layers[0].thickness", "1 um", "geometry.nuclei", "[{x: 2 um, radius: 0.5 um}]"), runs.get(0).overrides());
        assertEquals(List.of("thin", "thick", "thin", "thick"), values(runs, "anode"));
    }

    /** A quoted flow map or list is what --set makes of it (the shell strips the quotes): a map or list, not one string. */
    @Test
    void aQuotedFlowMapIsAMapAsWithSet() throws IOException {
        Path sweep = SweepTestSupport.write(SweepTestSupport.tinyCell(dir).getParent(), "sweep.yaml", """
                base: cell.yaml
                axes:
                  control:
                    pot: {control: "{mode: potentiostatic, voltage: -0.2 V}"}
                    gal: {control: {mode: galvanostatic, current_density: 5 mA/cm^2}}
                  geometry.nuclei: ["[{x: 1 um, radius: 0.5 um}]", '[{x: 3 um, radius: 0.5 um}]']
                """);
        List<SweepRun> runs = SweepExpander.expand(SweepFileReader.read(sweep));
        assertEquals("{mode: potentiostatic, voltage: -0.2 V}", runs.get(0).overrides().get("control"));
        assertEquals(List.of("[{x: 1 um, radius: 0.5 um}]", "[{x: 3 um, radius: 0.5 um}]"), values(runs, "geometry.nuclei").subList(0, 2));
        // every run's scenario loads: the quoted map is the control map, as --set control='{...}' gives it
        SweepTestSupport.Result r = SweepTestSupport.lipf("sweep", sweep.toString(), "--plan", "-o", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    @Test
    void sobolDesignPutsOnePointInEveryStratumOfEachAxis() throws IOException {
        int n = 16;
        List<SweepRun> runs = expand("""
                base: cell.yaml
                sample:
                  method: sobol
                  count: 16
                  axes:
                    model.anisotropy.strength: {from: 0, to: 0.16}
                    control.current_density: {from: 0 mA/cm^2, to: 16 mA/cm^2}
                """);
        assertEquals(n, runs.size());
        assertOneValuePerStratum(values(runs, "model.anisotropy.strength"), 0.16 / n, n);
        assertOneValuePerStratum(values(runs, "control.current_density"), 16.0 / n, n);
        assertEquals(List.of("0", "0.08", "0.12", "0.04"), values(runs, "model.anisotropy.strength").subList(0, 4), "the Sobol sequence from its origin");
    }

    @Test
    void latinHypercubeIsStratifiedAndReproducibleFromItsSeed() throws IOException {
        String sweep = """
                base: cell.yaml
                sample:
                  method: latin_hypercube
                  count: 10
                  seed: %d
                  axes:
                    control.current_density: {from: 0 mA/cm^2, to: 10 mA/cm^2}
                    grid.spacing: {from: 0.1 um, to: 1.1 um}
                """;
        List<SweepRun> a = expand(sweep.formatted(42));
        List<SweepRun> again = SweepExpander.expand(SweepFileReader.read(SweepTestSupport.write(dir, "sweep.yaml", sweep.formatted(42))));
        List<SweepRun> other = SweepExpander.expand(SweepFileReader.read(SweepTestSupport.write(dir, "sweep.yaml", sweep.formatted(43))));
        assertOneValuePerStratum(values(a, "control.current_density"), 1.0, 10);
        List<String> spacing = values(a, "grid.spacing").stream().map(v -> QuantityText.format(QuantityText.parse(v).value() - 0.1, "um", 6)).toList();
        assertOneValuePerStratum(spacing, 0.1, 10);
        assertEquals(values(a, "control.current_density"), values(again, "control.current_density"));
        assertEquals(a.stream().map(SweepRun::id).toList(), again.stream().map(SweepRun::id).toList());
        assertNotEquals(values(a, "control.current_density"), values(other, "control.current_density"));
    }

    /** Each interval [k w, (k+1) w), k = 0..n-1, holds exactly one of the values. */
    private static void assertOneValuePerStratum(List<String> labels, double width, int n) {
        int[] count = new int[n];
        for (String l : labels) {
            double v = QuantityText.parse(l).value();
            int k = (int) Math.floor(v / width * (1 + 1e-12));
            assertTrue(k >= 0 && k < n, l + " outside the range");
            count[k]++;
        }
        for (int k = 0; k < n; k++) assertEquals(1, count[k], "stratum " + k + " of " + labels);
    }
}
