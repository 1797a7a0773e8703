package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadSweepFileTest {
    @TempDir
    Path dir;

    /** Each bad sweep file gives exit code 2 and one message "FILE:LINE: KEY: ...". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key  | base: cell.yaml\\naxis:\\n  seed: [1]                                       | 2 | axis              | unknown key 'axis'
            missing base           | axes:\\n  control.current_density: [1 mA/cm^2]                          | 1 | base              | missing required key 'base'
            no such scenario       | base: nothere.yaml                                                       | 1 | base              | no such scenario file
            range units differ     | base: cell.yaml\\naxes:\\n  grid.spacing: {from: 1 um, to: 2 nm, steps: 2} | 3 | axes.grid.spacing.to | use the unit of 'from' ('um'), got 'nm'
            range without steps    | base: cell.yaml\\naxes:\\n  grid.spacing: {from: 1 um, to: 2 um}           | 3 | axes.grid.spacing | give either steps
            zip of unequal axes    | base: cell.yaml\\naxes:\\n  a.b: [1, 2]\\n  c.d: [1]\\nzip: [[a.b, c.d]]     | 5 | zip               | 'c.d' has 1 values
            value of the wrong kind| base: cell.yaml\\naxes:\\n  control.current_density:\\n    - 1 mA/cm^2\\n    - 2 um | 5 | axes.control.current_density | value '2 um': control.current_density: expected a current density
            unknown scenario key   | base: cell.yaml\\naxes:\\n  control.curent_density: [1 mA/cm^2]          | 3 | axes.control.curent_density | unknown key 'curent_density'
            plot of no axis        | base: cell.yaml\\naxes:\\n  seed.x: [1]\\nplot: {metric: step, x: current} | 4 | plot              | 'current' is not an axis
            sobol with a seed      | base: cell.yaml\\nsample: {method: sobol, count: 4, seed: 3, axes: {grid.spacing: {from: 1 um, to: 2 um}}} | 2 | sample.seed | takes no seed
            misspelt metric        | base: cell.yaml\\nmetrics: [step, penetraton_m]                          | 2 | metrics[1]        | unknown metric 'penetraton_m' (did you mean 'penetration_m'?); known: shorted, time_to_short_s
            metric of a source     | base: cell.yaml\\nmetrics:\\n  - step\\n  - timeseries.short_time_s    | 4 | metrics[1]        | unknown metric 'timeseries.short_time_s'
            plot of an unknown metric | base: cell.yaml\\naxes:\\n  seed.x: [1]\\nplot: {metric: voltage, x: seed.x} | 4 | plot.metric | unknown metric 'voltage'; known:
            misspelt share material| base: cell.yaml\\nmetrics: [step, share_layer2_lpsc]                     | 2 | metrics[1]        | unknown material 'lpsc' in 'share_layer2_lpsc' (did you mean 'share_layer2_lpscl'?); the materials of the sweep's scenarios: li, lpscl
            duplicate value        | base: cell.yaml\\naxes:\\n  grid.spacing: [1 um, 1 um]                     | 3 | axes.grid.spacing | appears twice
            same quantity twice    | base: cell.yaml\\naxes:\\n  grid.spacing: [1 um, 0.5 um, 500 nm]         | 3 | axes.grid.spacing | value '500 nm' is '0.5 um' again, written otherwise
            end_time and an axis   | base: cell.yaml\\naxes:\\n  time.end: [0.4 s, 0.2 s]\\nend_time: 0.1 s    | 3 | axes.time.end     | key time.end is set both by end_time (line 4) and by axis 'time.end'
            max_steps and an alternative | base: cell.yaml\\naxes:\\n  limit:\\n    short: {time.max_steps: 5}\\nmax_steps: 10 | 4 | axes.limit | key time.max_steps is set both by max_steps (line 5) and by axis 'limit'
            end_time and a sampled axis | base: cell.yaml\\nend_time: 1 s\\nsample:\\n  method: sobol\\n  count: 2\\n  axes:\\n    time.end: {from: 1 s, to: 2 s} | 7 | sample.axes.time.end | key time.end is set both by end_time (line 2)
            list index out of range| base: cell.yaml\\n# layers\\naxes:\\n  geometry.layers[5].thickness: [2 um, 3 um] | 4 | axes.geometry.layers[5].thickness | value '2 um': geometry.layers[5]: no such entry: the list has 2
            unclosed quoted flow map | base: cell.yaml\\naxes:\\n  control:\\n    pot: {control: "{mode: potentiostatic"} | 4 | axes.control.pot.control | value '{mode: potentiostatic' is not a YAML flow map or list
            list entry appended    | base: cell.yaml\\naxes:\\n  geometry.nuclei[1].radius: [1 um, 2 um]      | 3 | axes.geometry.nuclei[1].radius | value '1 um': geometry.nuclei[1].x: missing required key 'x'
            """)
    void badSweepFileIsReportedWithFileLineAndKey(String what, String yaml, int line, String key, String message) throws IOException {
        SweepTestSupport.tinyCell(dir);
        Path sweep = SweepTestSupport.write(dir, "sweep.yaml", yaml.replace("\\n", "\n"));
        SweepTestSupport.Result r = SweepTestSupport.lipf("sweep", sweep.toString(), "-o", dir.resolve("out").toString(), "--plan");
        assertEquals(2, r.exitCode(), r.stderr());
        String expected = "error: " + sweep + ":" + line + ": " + key + ": ";
        assertTrue(r.stderr().startsWith(expected) && r.stderr().contains(message), "expected '" + expected + "..." + message + "', got: " + r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), "one line, no stack trace: " + r.stderr());
        assertFalse(r.stderr().contains("--set"), "the sweep file's axis, not lipf run's --set: " + r.stderr());
    }
}
