package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.cli.CliTestSupport.lipfOk;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart at another temperature than its snapshot's continues at the scenario's, and says so; the temperature's
 * warning (docs/MODEL.md section 1.3), which a fresh run's start-of-run report gives, is repeated on a restart.
 */
class TemperatureRestartTest {
    @TempDir
    Path tmp;

    @Test
    void aRestartAtAnotherTemperatureSaysItAndRepeatsTheWarning() throws IOException {
        // the cell's LPSCl from the library (its values at 30 C, 0.28 eV)
        String yaml = CliTestSupport.CELL_2D.replace(
                "lpscl: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 1.6e-6 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}",
                "lpscl: {library: lpscl-pellet, fracture_toughness: null, flaw_size: null, youngs_modulus: null}")
                .replace("li: {diffusivity", "li: {reference_temperature: 298.15 K, diffusivity");
        Path file = CliTestSupport.write(tmp, "cell.yaml", yaml);
        Path dir = tmp.resolve("run");
        String fresh = lipfOk("run", file.toString(), "-o", dir.toString(), "--threads", "1").stderr();
        assertEquals(300, CliTestSupport.lastSnapshot(dir).extraDouble(RunDriver.TEMPERATURE), 0);
        assertFalse(fresh.contains("model.temperature"), "300 K is within 5 K of every material's temperature:\n" + fresh);
        Path middle = CliTestSupport.snapshots(dir).get(2);
        String restarted = lipfOk("run", file.toString(), "-o", tmp.resolve("hot").toString(), "--threads", "1", "--set", "model.temperature=330 K",
                "--restart", middle.toString()).stderr();
        assertTrue(restarted.contains("the snapshot was written at 300.00 K; the run continues at the scenario's 330.00 K"), restarted);
        // Li carries no ions: its hand-written exchange current is named; the library's LPSCl scales both its transport and its i0
        assertTrue(restarted.contains("warning: model.temperature: 330.00 K; the exchange current density of li (298.15 K) is taken at the temperature it holds at"),
                restarted);
        assertTrue(restarted.contains("its materials' ion transport and exchange currents scaled to it"), restarted);
        assertEquals(330, CliTestSupport.lastSnapshot(tmp.resolve("hot")).extraDouble(RunDriver.TEMPERATURE), 0);
    }
}
