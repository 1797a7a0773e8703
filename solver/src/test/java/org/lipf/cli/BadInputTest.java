package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.CELL_2D;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.cli.CliTestSupport.Result;

/**
 * Bad input gives exit code 2 and one message naming the file, the key path and the line, with
 * no stack trace; nothing is run and no run folder is made.
 */
class BadInputTest {
    private static final String NUCLEI = "  nuclei: [{x: 2 um, radius: 1 um}]";

    @TempDir
    Path tmp;

    /** A bench grid too small for the bench cell is refused by its option, before the bandwidth is measured. */
    @Test
    void benchGridTooSmallIsNamedByItsOption() {
        Result r = CliTestSupport.lipf("bench", "--size2d", "512", "--size3d", "8");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("--size3d: 8 is too small") && r.stderr().contains("at least 16 cells"), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
    }

    /** A mistyped option gets the error, picocli's suggestion and where the options are: not the whole usage text. */
    @Test
    void mistypedOptionIsOneErrorWithASuggestion() {
        Result r = CliTestSupport.lipf("run", "cell.yaml", "--thread", "2");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("error: Unknown options: '--thread'") && r.stderr().contains("--threads")
                && r.stderr().contains("see 'lipf run --help' for the options"), r.stderr());
        assertFalse(r.stderr().contains("Usage:"), r.stderr());
    }

    @Test
    void misspelledKeyIsNamedWithItsLine() throws IOException {
        String yaml = replace(CELL_2D, "thickness: 2 um", "thicknes: 2 um");
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "thicknes: 2 um"), "geometry.layers[0].thicknes", "unknown key 'thicknes'", "did you mean 'thickness'");
    }

    @Test
    void valueOfTheWrongDimensionIsNamedWithItsLine() throws IOException {
        String yaml = replace(CELL_2D, "thickness: 2 um", "thickness: 5 mA/cm^2");
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "5 mA/cm^2"), "geometry.layers[0].thickness", "length", "5 mA/cm^2");
    }

    @Test
    void missingControlModeIsNamedWithTheLineOfItsSection() throws IOException {
        String yaml = replace(CELL_2D, "control: {mode: galvanostatic, ", "control: {");
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "control:"), "control.mode", "missing", "mode");
    }

    @Test
    void layersThickerThanTheDomainAreRejected() throws IOException {
        String yaml = replace(CELL_2D, "thickness: 2 um", "thickness: 9 um");
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "thickness: 9 um"), "geometry.layers[0].thickness", "9 um", "8 um");
    }

    @Test
    void particlesTooDenseToPlaceAreRejected() throws IOException {
        String particles = "  particles: [{material: lpscl, layer: 0, diameter: 0.5 um, volume_fraction: 0.9, seed: 1}]";
        String yaml = replace(CELL_2D, NUCLEI, particles + "\n" + NUCLEI);
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "volume_fraction: 0.9"), "geometry.particles[0].volume_fraction", "overlap");
    }

    @Test
    void particlesWiderThanTheirLayerAreRejected() throws IOException {
        String particles = "  particles: [{material: lpscl, layer: 0, diameter: 3 um, volume_fraction: 0.1, seed: 1}]";
        String yaml = replace(CELL_2D, NUCLEI, particles + "\n" + NUCLEI);
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "diameter: 3 um"), "geometry.particles[0].diameter", "do not fit");
    }

    /** An error found while the geometry is built (not by the loader) names the file and the key's line too. */
    @Test
    void particlesTheRandomPlacementCannotFitAreRejectedWithTheirLine() throws IOException {
        String particles = "  particles: [{material: lpscl, layer: 1, diameter: 1.9 um, volume_fraction: 0.5, seed: 1}]";
        String yaml = replace(CELL_2D, NUCLEI, particles + "\n" + NUCLEI);
        Result r = runBad(yaml);
        // after the run's first line (the cell and grid it starts)
        assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception"), "no stack trace: " + r.stderr());
        assertTrue(r.stderr().contains("error: " + scenario() + ":" + lineOf(yaml, "diameter: 1.9 um") + ": geometry.particles[0]: could place only 4 particles"), r.stderr());
    }

    @Test
    void interfaceNarrowerThanTheGridSpacingIsRejected() throws IOException {
        String yaml = replace(CELL_2D, "interface_width: 0.5 um", "interface_width: 0.1 um");
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "interface_width: 0.1 um"), "model.interface_width", "0.1 um", "narrower than the grid spacing 0.25 um",
                "pinned to the lattice", "at least two spacings (0.5 um)");
    }

    @Test
    void valueWithoutUnitIsRejected() throws IOException {
        String yaml = replace(CELL_2D, "spacing: 0.25 um", "spacing: 0.25");
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "spacing: 0.25}"), "grid.spacing", "unit");
    }

    @Test
    void missingMaterialsLibraryIsNamedWithTheScenarioLine() throws IOException {
        String yaml = replace(CELL_2D, "materials:\n  li: {", "materials_library: nothere.yaml\nmaterials:\n  li: {library: li-metal, ");
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "materials_library:"), "materials_library", "no such materials library file " + tmp.resolve("nothere.yaml"));
    }

    @Test
    void badSetOverrideNamesTheOption() throws IOException {
        Result r = runBad(CELL_2D, "--set", "grid.spacing=abc");
        assertClean(r);
        assertTrue(r.stderr().contains("--set"), "names the option: " + r.stderr());
        assertTrue(r.stderr().contains("grid.spacing"), "names the key: " + r.stderr());
        assertTrue(r.stderr().contains("abc"), "quotes the value: " + r.stderr());
    }

    @Test
    void aSetValueThatIsNotYamlNamesItsKey() throws IOException {
        Result r = runBad(CELL_2D, "--set", "grid={dimensions: 2, width: 3 um");
        assertClean(r);
        assertTrue(r.stderr().contains("--set: grid: invalid YAML") && r.stderr().contains("never closed"), r.stderr());
    }

    @Test
    void nonexistentScenarioFileIsNamed() {
        Path missing = tmp.resolve("no-such-scenario.yaml");
        Path out = tmp.resolve("run");
        Result r = CliTestSupport.lipf("run", missing.toString(), "-o", out.toString());
        assertClean(r);
        assertTrue(r.stderr().contains(missing.toString()), "names the file: " + r.stderr());
        assertFalse(Files.exists(out), "no run folder for bad input");
    }

    @Test
    void nonexistentRestartSnapshotIsNamed() throws IOException {
        Path snapshot = tmp.resolve("runs/x/snapshots/step_00001200.h5");
        Result r = runBad(CELL_2D, "--restart", snapshot.toString());
        assertClean(r);
        assertTrue(r.stderr().contains("--restart"), "names the option: " + r.stderr());
        assertTrue(r.stderr().contains(snapshot.toString()), "names the file: " + r.stderr());
    }

    // ------------------------------------------------------------------ YAML syntax errors

    @Test
    void tabIsNamedAtItsLine() throws IOException {
        String yaml = replace(CELL_2D, "  background: lpscl", "\tbackground: lpscl");
        assertSyntaxError(runBad(yaml), lineOf(yaml, "\tbackground"), "a tab (YAML indents with spaces)");
    }

    @Test
    void badIndentationIsNamedAtItsLine() throws IOException {
        String yaml = replace(CELL_2D, "  layers:", " layers:");
        assertSyntaxError(runBad(yaml), lineOf(yaml, " layers:"), "indentation", "same column");
    }

    @Test
    void unclosedBracketIsNamedWhereTheParserStopsAndWhereItOpens() throws IOException {
        String yaml = replace(CELL_2D, "radius: 1 um}]", "radius: 1 um}");
        int opened = lineOf(yaml, "nuclei: [");
        // inside [ ] the next line's "control: {...}" reads as one more item, but without a comma
        assertSyntaxError(runBad(yaml), lineOf(yaml, "control:"), "expected ',' or ']'", "starts at line " + opened, "']' missing");
    }

    @Test
    void unclosedQuoteIsNamedAtTheLineItOpens() throws IOException {
        String yaml = replace(CELL_2D, "background: lpscl", "background: \"lpscl");
        assertSyntaxError(runBad(yaml), lineOf(yaml, "background: \""), "quoted value is never closed", "closing quote missing");
    }

    // -------------------------------------------------------------- films on the metal surface

    private static final String FILM = "  coatings: [{material: lpscl, layer: 0, thickness: 50 nm, on_metal: true}]";

    @Test
    void negativeFilmThicknessIsNamedWithItsLine() throws IOException {
        String yaml = replace(CELL_2D, NUCLEI, FILM.replace("50 nm", "-50 nm") + "\n" + NUCLEI);
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "-50 nm"), "geometry.coatings[0].thickness", "must be > 0");
    }

    /** Found while the geometry is built (the coverage as drawn), named with the coating's line. */
    @Test
    void subcellFilmOverEveryColumnIsNamedWithItsLine() throws IOException {
        String yaml = replace(CELL_2D, NUCLEI, FILM.replace("on_metal: true", "subcell: true") + "\n" + NUCLEI);
        Result r = runBad(yaml);
        // after the run's first line (the cell and grid it starts)
        assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception"), "no stack trace: " + r.stderr());
        assertTrue(r.stderr().contains("error: " + scenario() + ":" + lineOf(yaml, "subcell: true") + ": geometry.coatings[0]: the sub-cell coating of lpscl covers every column"),
                r.stderr());
        assertTrue(r.stderr().contains("say on_metal: true instead of subcell"), r.stderr());
    }

    @Test
    void filmBothOnTheMetalAndInCellsIsRejected() throws IOException {
        String yaml = replace(CELL_2D, NUCLEI, FILM.replace("on_metal: true", "on_metal: true, subcell: true") + "\n" + NUCLEI);
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "on_metal: true"), "geometry.coatings[0].on_metal", "subcell", "not both");
    }

    @Test
    void misspelledFilmKeyIsNamedWithItsLine() throws IOException {
        String yaml = replace(CELL_2D, NUCLEI, FILM.replace("on_metal", "on_metall") + "\n" + NUCLEI);
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "on_metall"), "geometry.coatings[0].on_metall", "unknown key 'on_metall'", "on_metal");
    }

    @Test
    void filmFlagMustBeABoolean() throws IOException {
        String yaml = replace(CELL_2D, NUCLEI, FILM.replace("on_metal: true", "on_metal: yes please") + "\n" + NUCLEI);
        Result r = runBad(yaml);
        assertMessage(r, scenario(), lineOf(yaml, "yes please"), "geometry.coatings[0].on_metal", "true or false");
    }

    // ------------------------------------------------------------------------------- helpers

    private Path scenario() {
        return tmp.resolve("cell.yaml");
    }

    /** Writes the scenario, runs it with ARGS into tmp/run, checks nothing ran. */
    private Result runBad(String yaml, String... args) throws IOException {
        Path file = CliTestSupport.write(tmp, "cell.yaml", yaml);
        Path out = tmp.resolve("run");
        List<String> cmd = new ArrayList<>(List.of("run", file.toString(), "-o", out.toString(), "--threads", "1", "--max-steps", "2"));
        cmd.addAll(Arrays.asList(args));
        Result r = CliTestSupport.lipf(cmd.toArray(String[]::new));
        assertFalse(Files.exists(out), "no run folder for bad input, stderr: " + r.stderr());
        return r;
    }

    /** Exit code 2, one line on stderr, no stack trace. */
    private static void assertClean(Result r) {
        assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode(), "exit code, stderr: " + r.stderr());
        assertEquals(2, r.exitCode());
        String err = r.stderr().strip();
        assertFalse(err.isEmpty(), "a message on stderr");
        assertEquals(1, err.lines().count(), "a single message line: " + err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(err.contains("Exception"), "no exception names: " + err);
    }

    /** {@link #assertClean} plus FILE:LINE: KEY in the message and the given substrings. */
    private static void assertMessage(Result r, Path file, int line, String keyPath, String... more) {
        assertClean(r);
        String err = r.stderr();
        assertTrue(err.contains(file + ":" + line + ":"), "names the file and line " + file + ":" + line + ": " + err);
        assertTrue(err.contains(keyPath), "names the key path " + keyPath + ": " + err);
        for (String s : more) assertTrue(err.contains(s), "says '" + s + "': " + err);
    }

    /** {@link #assertClean} plus FILE:LINE: invalid YAML and the given substrings (a syntax error has no key path). */
    private void assertSyntaxError(Result r, int line, String... more) {
        assertMessage(r, scenario(), line, "invalid YAML", more);
    }

    private static String replace(String yaml, String from, String to) {
        assertTrue(yaml.contains(from), "test scenario contains " + from);
        return yaml.replace(from, to);
    }

    /** 1-based line of the first line containing {@code s}. */
    private static int lineOf(String yaml, String s) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(s)) return i + 1;
        throw new AssertionError("no line contains " + s);
    }
}
