package org.lipf.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.lipf.scenario.MaterialSpec;

/**
 * {@code RUN/materials.csv}: the materials the run used, one row per material id (the ids of the snapshots'
 * {@code material}), with every parameter in SI units, generated ones too (a gradient's levels, a sub-cell coating's
 * thickness classes: scenario.yaml leaves them out, since they follow from the geometry, so without this file a
 * run's outputs named them and nothing said what they were). An absent parameter is an empty field.
 */
public final class MaterialsCsv {
    public static final String FILE_NAME = "materials.csv";

    private record Column(String name, ToDoubleFunction<MaterialSpec> value) {}

    private static final List<Column> PARAMETERS = List.of(
            new Column("diffusivity_m2_per_s", MaterialSpec::diffusivity_m2_per_s),
            new Column("ionic_conductivity_S_per_m", MaterialSpec::sigmaIon_S_per_m),
            new Column("electronic_conductivity_S_per_m", MaterialSpec::sigmaEl_S_per_m),
            new Column("exchange_current_density_A_per_m2", MaterialSpec::exchangeCurrentDensity_A_per_m2),
            new Column("free_fraction", MaterialSpec::freeFraction),
            new Column("density_kg_per_m3", MaterialSpec::density_kg_per_m3),
            new Column("fracture_toughness_Pa_m^0.5", MaterialSpec::fractureToughness_Pa_sqrt_m),
            new Column("flaw_size_m", MaterialSpec::flawSize_m),
            new Column("youngs_modulus_Pa", MaterialSpec::youngsModulus_Pa),
            new Column("pore_size_m", MaterialSpec::poreSize_m),
            new Column("critical_stripping_current_A_per_m2", MaterialSpec::criticalStrippingCurrent_A_per_m2),
            new Column("void_depth_m", MaterialSpec::voidDepth_m),
            new Column("activation_energy_J_per_mol", MaterialSpec::activationEnergy_J_per_mol),
            new Column("reference_temperature_K", MaterialSpec::referenceTemperature_K),
            new Column("exchange_current_activation_energy_J_per_mol", MaterialSpec::exchangeCurrentActivationEnergy_J_per_mol),
            new Column("exchange_current_reference_temperature_K", MaterialSpec::exchangeCurrentReferenceTemperature_K));

    private MaterialsCsv() {}

    /**
     * Writes {@code runDir/materials.csv} atomically.
     *
     * @param generated the names of the materials the geometry generated
     */
    public static void write(Path runDir, List<MaterialSpec> materials, List<String> generated) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("id", "name"));
        PARAMETERS.forEach(c -> header.add(c.name()));
        header.addAll(List.of("generated", "source"));
        rows.add(header);
        for (int id = 0; id < materials.size(); id++) {
            MaterialSpec m = materials.get(id);
            List<String> row = new ArrayList<>(List.of(Integer.toString(id), m.name()));
            for (Column c : PARAMETERS) {
                double v = c.value().applyAsDouble(m);
                row.add(Double.isNaN(v) ? "" : Double.toString(v));
            }
            row.add(generated.contains(m.name()) ? "yes" : "no");
            row.add(m.source());
            rows.add(row);
        }
        CsvTable.write(runDir.resolve(FILE_NAME), rows);
    }
}
