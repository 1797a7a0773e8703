package org.lipf.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a sweep.
 *
 * @param index position in the sweep (0-based; the Slurm array index)
 * @param id the run's folder name under {@code DIR/runs/}, made from its parameters
 * @param parameters axis name to value label, in axis order
 * @param scenario the scenario file (absolute)
 * @param overrides scenario key to YAML value, passed as {@code --set key=value}
 */
public record SweepRun(int index, String id, Map<String, String> parameters, Path scenario, Map<String, String> overrides) {
    public SweepRun {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** This run in the folder {@code id} (a sweep begun under other names: {@link RunFolders}). */
    public SweepRun withId(String id) {
        return new SweepRun(index, id, parameters, scenario, overrides);
    }

    /** The run's parameters as one canonical text, independent of paths ({@link RunFolders#identity}). */
    public String identity() {
        return RunFolders.identity(parameters);
    }

    /** The run folder in the sweep folder {@code sweepDir}. */
    public Path folder(Path sweepDir) {
        return sweepDir.resolve("runs").resolve(id);
    }

    /**
     * The arguments of {@code lipf} for this run, without {@code --threads} and {@code --restart}
     * (the task adds them): {@code run SCENARIO -o FOLDER --set k=v ... [--end-time T] [--max-steps N] BACKEND_OPTIONS}.
     *
     * @param backendOptions the sweep's {@code --backend}, {@code --device}, ... as given to every run
     */
    public List<String> runArguments(Path sweepDir, SweepSpec spec, List<String> backendOptions) {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "-o", folder(sweepDir).toAbsolutePath().toString()));
        overrides.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        if (spec.endTime_s() != null) args.addAll(List.of("--end-time", Double.toString(spec.endTime_s())));
        if (spec.maxSteps() != null) args.addAll(List.of("--max-steps", Long.toString(spec.maxSteps())));
        args.addAll(backendOptions);
        return args;
    }
}
