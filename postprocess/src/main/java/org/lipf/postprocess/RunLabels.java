package org.lipf.postprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names for runs side by side ({@code lipf compare}): each run's folder name, which tells apart two
 * runs of one scenario (the scenario's name does not). Folders of the same name get as many parent
 * folders as make them differ ({@code sweepA/run_0001}, {@code sweepB/run_0001}); a folder given
 * twice is numbered ({@code run (2)}).
 */
public final class RunLabels {
    private RunLabels() {
    }

    /** One label per folder, in order, all different. */
    public static List<String> of(List<Path> dirs) {
        List<Path> paths = dirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<Path> distinct = paths.stream().distinct().toList();
        int[] depth = new int[distinct.size()];
        Arrays.fill(depth, 1);
        List<String> labels = labels(distinct, depth);
        for (boolean grew = true; grew; labels = labels(distinct, depth)) {
            grew = false;
            Map<String, Integer> count = new HashMap<>();
            for (String l : labels) count.merge(l, 1, Integer::sum);
            for (int n = 0; n < distinct.size(); n++) {
                if (count.get(labels.get(n)) > 1 && depth[n] < distinct.get(n).getNameCount()) {
                    depth[n]++;
                    grew = true;
                }
            }
        }
        Map<Path, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Path p : paths) {
            int k = seen.merge(p, 1, Integer::sum);
            String label = labels.get(distinct.indexOf(p));
            out.add(k == 1 ? label : label + " (" + k + ")");
        }
        return out;
    }

    private static List<String> labels(List<Path> paths, int[] depth) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < paths.size(); n++) {
            Path p = paths.get(n);
            int names = p.getNameCount();
            out.add(names == 0 ? p.toString() : p.subpath(names - Math.min(depth[n], names), names).toString().replace('\\', '/'));
        }
        return out;
    }
}
