package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.lipf.output.CsvTable;
import org.lipf.output.MaterialsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder's materials.csv names every material id of its snapshots with its parameters, those the geometry
 * generates too (scenario.yaml leaves them out): a gradient level follows the mixing rule (1 - x) p_li + x p_lixmg.
 */
class MaterialsCsvTest {
    @Test
    void everyMaterialIdIsListedGeneratedOnesWithTheirMixedParameters(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliTestSupport.lipfOk("run", Path.of("..", "scenarios", "examples", "microstructures.yaml").toString(), "-o", run.toString(), "--max-steps", "1",
                "--threads", "1");
        List<List<String>> rows = CsvTable.read(run.resolve(MaterialsCsv.FILE_NAME));
        List<String> header = rows.get(0);
        int name = header.indexOf("name"), sigmaEl = header.indexOf("electronic_conductivity_S_per_m"), generated = header.indexOf("generated");
        assertEquals(List.of("id", "name"), header.subList(0, 2));
        assertEquals("li", rows.get(1).get(name));
        assertEquals("no", rows.get(1).get(generated));
        List<String> level = rows.stream().filter(r -> r.get(name).equals("li-lixmg-2of4")).findFirst().orElseThrow();
        assertEquals("yes", level.get(generated));
        // level 2 of 4 at a surface fraction of 0.7: x = 0.35 of lixmg (3e6 S/m) in li (1.1e7 S/m)
        assertEquals(0.65 * 1.1e7 + 0.35 * 3e6, Double.parseDouble(level.get(sigmaEl)), 1e-9 * 1.1e7);
        for (int id = 1; id < rows.size(); id++) assertEquals(Integer.toString(id - 1), rows.get(id).get(0), "rows in id order");
    }
}
