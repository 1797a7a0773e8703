package org.lipf.scenario;

import static org.lipf.scenario.PhysicalQuantity.*;

/**
 * Writes a fully resolved scenario as YAML: every default filled in, every value in SI with its
 * unit ({@code "3.0E-5 m"}), layers with resolved thicknesses. {@link ScenarioLoader} reads the
 * output back into an equal {@link Scenario}.
 */
public final class ScenarioWriter {
    private ScenarioWriter() {}

    public static String toYaml(Scenario s) {
        StringBuilder b = new StringBuilder();
        b.append("# resolved scenario: all defaults filled in, SI units\n");
        b.append("name: ").append(str(s.name())).append('\n');
        b.append("description: ").append(str(s.description())).append('\n');
        GridSpec g = s.grid();
        b.append("grid:\n");
        kv(b, 2, "dimensions", Integer.toString(g.dimensions()));
        kv(b, 2, "width", UnitParser.format(g.width_m(), LENGTH));
        if (g.is3D()) kv(b, 2, "depth", UnitParser.format(g.depth_m(), LENGTH));
        kv(b, 2, "height", UnitParser.format(g.height_m(), LENGTH));
        kv(b, 2, "spacing", UnitParser.format(g.spacing_m(), LENGTH));
        ModelSpec m = s.model();
        b.append("model:\n");
        kv(b, 2, "form", m.form().yamlName());
        kv(b, 2, "temperature", UnitParser.format(m.temperature_K(), TEMPERATURE));
        kv(b, 2, "charge_number", Integer.toString(m.chargeNumber()));
        kv(b, 2, "symmetry_factor", UnitParser.format(m.alpha(), DIMENSIONLESS));
        kv(b, 2, "metal_site_density", UnitParser.format(m.metalSiteDensity_mol_per_m3(), CONCENTRATION));
        kv(b, 2, "bulk_concentration", UnitParser.format(m.bulkConcentration_mol_per_m3(), CONCENTRATION));
        kv(b, 2, "interface_width", UnitParser.format(m.interfaceWidth_m(), LENGTH));
        kv(b, 2, "interface_energy", UnitParser.format(m.interfaceEnergy_J_per_m2(), INTERFACE_ENERGY));
        kv(b, 2, "allen_cahn_mobility", UnitParser.format(m.allenCahnMobility_m3_per_J_s(), MOBILITY));
        b.append("  anisotropy: {strength: ").append(UnitParser.format(m.anisotropyStrength(), DIMENSIONLESS))
                .append(", mode: ").append(m.anisotropyMode()).append(", angle: ").append(UnitParser.format(m.anisotropyAngle_rad(), ANGLE)).append("}\n");
        b.append("  noise: {amplitude: ").append(UnitParser.format(m.noiseAmplitude(), DIMENSIONLESS)).append(", seed: ").append(m.seed()).append("}\n");
        b.append("  nucleation: {barrier: ").append(UnitParser.format(m.nucleationBarrier_V(), POTENTIAL))
                .append(", gating_conductivity: ").append(UnitParser.format(m.nucleationConductivity_S_per_m(), CONDUCTIVITY))
                .append(", into: ").append(m.nucleationForm().yamlName());
        if (m.nucleationForm() == NucleationForm.DISPERSED) b.append(", dispersed_ion_path: ").append(UnitParser.format(m.dispersedIonPath(), DIMENSIONLESS));
        if (m.faceReaction()) b.append(", face_reaction: true");
        b.append("}\n");
        kv(b, 2, "metal", str(m.metalMaterial()));
        kv(b, 2, "equilibrium_potential", UnitParser.format(m.equilibriumPotential_V(), POTENTIAL));
        b.append("materials:\n");
        java.util.List<String> generated = s.geometry().microstructure().generatedMaterials();
        for (MaterialSpec mat : s.materials()) {
            if (generated.contains(mat.name())) continue; // re-derived from geometry.gradients
            b.append("  ").append(str(mat.name())).append(":\n");
            // a Nernst-Einstein value stays derived: at another temperature it is derived anew
            kv(b, 4, "diffusivity", mat.derived() == MaterialSpec.Derived.DIFFUSIVITY ? NernstEinstein.KEYWORD
                    : UnitParser.format(mat.diffusivity_m2_per_s(), DIFFUSIVITY));
            kv(b, 4, "ionic_conductivity", mat.derived() == MaterialSpec.Derived.IONIC_CONDUCTIVITY ? NernstEinstein.KEYWORD
                    : UnitParser.format(mat.sigmaIon_S_per_m(), CONDUCTIVITY));
            kv(b, 4, "electronic_conductivity", UnitParser.format(mat.sigmaEl_S_per_m(), CONDUCTIVITY));
            kv(b, 4, "exchange_current_density", UnitParser.format(mat.exchangeCurrentDensity_A_per_m2(), CURRENT_DENSITY));
            kv(b, 4, "free_fraction", UnitParser.format(mat.freeFraction(), DIMENSIONLESS));
            if (mat.hasDensity()) kv(b, 4, "density", UnitParser.format(mat.density_kg_per_m3(), DENSITY));
            if (mat.hasIntrusionLimit()) {
                kv(b, 4, "fracture_toughness", UnitParser.format(mat.fractureToughness_Pa_sqrt_m(), FRACTURE_TOUGHNESS));
                kv(b, 4, "flaw_size", UnitParser.format(mat.flawSize_m(), LENGTH));
                kv(b, 4, "youngs_modulus", UnitParser.format(mat.youngsModulus_Pa(), PRESSURE));
            }
            if (mat.hasLeakagePores()) kv(b, 4, "pore_size", UnitParser.format(mat.poreSize_m(), LENGTH));
            if (mat.hasCriticalStrippingCurrent()) kv(b, 4, "critical_stripping_current", UnitParser.format(mat.criticalStrippingCurrent_A_per_m2(), CURRENT_DENSITY));
            if (mat.formsVoids()) kv(b, 4, "void_depth", UnitParser.format(mat.voidDepth_m(), LENGTH));
            if (mat.hasActivationEnergy()) kv(b, 4, "activation_energy", UnitParser.format(mat.activationEnergy_J_per_mol(), ACTIVATION_ENERGY));
            if (!Double.isNaN(mat.referenceTemperature_K())) kv(b, 4, "reference_temperature", UnitParser.format(mat.referenceTemperature_K(), TEMPERATURE));
            if (mat.hasExchangeCurrentActivationEnergy())
                kv(b, 4, "exchange_current_activation_energy", UnitParser.format(mat.exchangeCurrentActivationEnergy_J_per_mol(), ACTIVATION_ENERGY));
            if (!Double.isNaN(mat.exchangeCurrentReferenceTemperature_K()))
                kv(b, 4, "exchange_current_reference_temperature", UnitParser.format(mat.exchangeCurrentReferenceTemperature_K(), TEMPERATURE));
            kv(b, 4, "source", str(mat.source()));
        }
        GeometrySpec geo = s.geometry();
        b.append("geometry:\n");
        kv(b, 2, "background", str(geo.background()));
        kv(b, 2, "electrolyte_beyond_top", UnitParser.format(geo.electrolyteBeyondTop_m(), LENGTH));
        b.append("  layers:\n");
        for (LayerSpec l : geo.layers())
            b.append("    - {material: ").append(str(l.material())).append(", thickness: ").append(UnitParser.format(l.thickness_m(), LENGTH))
                    .append(", xi: ").append(l.xi()).append(", c: ").append(l.c()).append("}\n");
        if (!geo.particles().isEmpty()) {
            b.append("  particles:\n");
            for (ParticleSpec p : geo.particles()) {
                b.append("    - {material: ").append(str(p.material())).append(", layer: ").append(p.layer());
                if (p.isUniform()) b.append(", diameter_min: ").append(UnitParser.format(p.diameterMin_m(), LENGTH))
                        .append(", diameter_max: ").append(UnitParser.format(p.diameterMax_m(), LENGTH));
                else b.append(", diameter: ").append(UnitParser.format(p.meanDiameter_m(), LENGTH));
                boolean random = p.arrangement() == ParticleSpec.Arrangement.RANDOM;
                if (random && !p.isUniform()) b.append(", diameter_std: ").append(UnitParser.format(p.diameterStd_m(), LENGTH));
                if (!Double.isNaN(p.volumeFraction())) b.append(", volume_fraction: ").append(p.volumeFraction());
                else b.append(", weight_fraction: ").append(p.weightFraction());
                b.append(", seed: ").append(p.seed());
                if (random) b.append(", min_gap: ").append(UnitParser.format(p.minGap_m(), LENGTH));
                else b.append(", arrangement: ").append(p.arrangement().yamlName());
                b.append("}\n");
            }
        }
        if (!geo.cracks().isEmpty()) {
            b.append("  cracks:\n");
            for (CrackSpec c : geo.cracks()) {
                b.append("    - {layer: ").append(c.layer()).append(", x: ").append(UnitParser.format(c.x_m(), LENGTH));
                if (g.is3D()) {
                    b.append(", y: ").append(UnitParser.format(c.y_m(), LENGTH));
                    b.append(", length: ").append(Double.isInfinite(c.length_m()) ? "full" : UnitParser.format(c.length_m(), LENGTH));
                }
                b.append(", width: ").append(UnitParser.format(c.width_m(), LENGTH)).append(", fill: ").append(str(c.fill()));
                if (!Double.isNaN(c.c())) b.append(", c: ").append(c.c());
                b.append("}\n");
            }
        }
        if (!geo.nuclei().isEmpty()) {
            b.append("  nuclei:\n");
            for (NucleusSpec n : geo.nuclei()) {
                b.append("    - {x: ").append(UnitParser.format(n.x_m(), LENGTH));
                if (g.is3D()) b.append(", y: ").append(UnitParser.format(n.y_m(), LENGTH));
                b.append(", radius: ").append(UnitParser.format(n.radius_m(), LENGTH)).append("}\n");
            }
        }
        MicrostructureWriter.append(b, geo.microstructure());
        ControlSpec c = s.control();
        b.append("control:\n");
        kv(b, 2, "mode", c.mode().yamlName());
        if (!Double.isNaN(c.voltage_V())) kv(b, 2, "voltage", UnitParser.format(c.voltage_V(), POTENTIAL));
        if (!Double.isNaN(c.currentDensity_A_per_m2())) kv(b, 2, "current_density", UnitParser.format(c.currentDensity_A_per_m2(), CURRENT_DENSITY));
        if (c.protocol() instanceof ProtocolSpec.CcdRamp r) {
            b.append("  protocol:\n");
            kv(b, 4, "type", r.yamlType());
            kv(b, 4, "start", UnitParser.format(r.start_A_per_m2(), CURRENT_DENSITY));
            kv(b, 4, "step", UnitParser.format(r.step_A_per_m2(), CURRENT_DENSITY));
            kv(b, 4, "max", UnitParser.format(r.max_A_per_m2(), CURRENT_DENSITY));
            kv(b, 4, "capacity", UnitParser.format(r.capacity_C_per_m2(), AREAL_CAPACITY));
            kv(b, 4, "capacity_step", UnitParser.format(r.capacityStep_C_per_m2(), AREAL_CAPACITY));
            if (r.symmetric()) kv(b, 4, "symmetric", "true");
        } else if (c.protocol() instanceof ProtocolSpec.Cycling cy) {
            b.append("  protocol:\n");
            kv(b, 4, "type", cy.yamlType());
            kv(b, 4, "current_density", UnitParser.format(cy.current_A_per_m2(), CURRENT_DENSITY));
            kv(b, 4, "capacity", UnitParser.format(cy.capacity_C_per_m2(), AREAL_CAPACITY));
            kv(b, 4, "cycles", Integer.toString(cy.cycles()));
        }
        TimeSpec t = s.time();
        b.append("time:\n");
        kv(b, 2, "end", UnitParser.format(t.end_s(), TIME));
        kv(b, 2, "max_steps", Long.toString(t.maxSteps()));
        kv(b, 2, "output_interval", UnitParser.format(t.outputInterval_s(), TIME));
        kv(b, 2, "max_step", UnitParser.format(t.maxStep_s(), TIME));
        kv(b, 2, "stability_safety", Double.toString(t.stabilitySafety()));
        kv(b, 2, "integrator", t.integrator().yamlName());
        kv(b, 2, "max_xi_change", Double.toString(t.maxXiChange()));
        if (!s.interphases().isEmpty()) {
            b.append("interphases:\n");
            for (InterphaseSpec i : s.interphases())
                b.append("  - {material: ").append(i.reactant()).append(", product: ").append(i.product())
                        .append(", rate_constant: ").append(UnitParser.format(i.rateConstant_m2_per_s(), DIFFUSIVITY)).append("}\n");
        }
        SolverSpec sv = s.solver();
        b.append("solver:\n");
        kv(b, 2, "potential_tolerance", Double.toString(sv.potentialRelTol()));
        kv(b, 2, "potential_max_iterations", Integer.toString(sv.potentialMaxIterations()));
        kv(b, 2, "reaction_coupling", sv.reactionCoupling().yamlName());
        kv(b, 2, "front_deflation", Boolean.toString(sv.frontDeflation()));
        return b.toString();
    }

    private static void kv(StringBuilder b, int indent, String key, String value) {
        b.append(" ".repeat(indent)).append(key).append(": ").append(value).append('\n');
    }

    /** A YAML double-quoted string. */
    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\x%02x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }
}
