package org.lipf.postprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunLabelsTest {
    @Test
    void runsAreNamedByTheirFolders() {
        assertEquals(List.of("li-5mA", "li-10mA"), RunLabels.of(List.of(Path.of("/runs/li-5mA"), Path.of("runs/li-10mA/"))));
    }

    @Test
    void foldersOfTheSameNameGetTheirParentsUntilTheyDiffer() {
        assertEquals(List.of("sweepA/run_0001", "sweepB/run_0001", "run_0002"),
                RunLabels.of(List.of(Path.of("/w/sweepA/run_0001"), Path.of("/w/sweepB/run_0001"), Path.of("/w/sweepA/run_0002"))));
        assertEquals(List.of("a/x/run", "b/x/run"), RunLabels.of(List.of(Path.of("/a/x/run"), Path.of("/b/x/run"))));
    }

    @Test
    void aFolderGivenTwiceIsNumbered() {
        assertEquals(List.of("run", "run (2)", "other"), RunLabels.of(List.of(Path.of("/r/run"), Path.of("/r/./run"), Path.of("/r/other"))));
    }
}
