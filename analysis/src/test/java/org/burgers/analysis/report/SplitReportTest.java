package org.burgers.analysis.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.burgers.analysis.study.ErrorProfile;
import org.burgers.analysis.study.ResidualSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The split summaries flag parts that exceed the whole: the response was not linear and the split says nothing. */
class SplitReportTest {
    @TempDir
    Path dir;

    private static ResidualSplit split(String id, double full, double near, double far) {
        return new ResidualSplit(id, "cle", 6, 4.7, 48, 1.0, 0.4, full, full, near, far, null, null,
                new int[]{10, 10, 10}, null, 1);
    }

    @Test
    void aPartAboveTheWholeIsFlaggedAndALinearSplitIsNot() throws Exception {
        SplitReport.write(dir, "split", "t", 0.25, 1e-4, List.of(split("linear", 0.05, 0.01, 0.048),
                split("moved", 0.3, 0.2, 2.9)));
        String md = Files.readString(dir.resolve("split.md"));
        assertTrue(md.contains("- moved: NOT LINEAR"), md);
        assertFalse(md.contains("- linear: NOT LINEAR"), md);

        ErrorProfile ok = new ErrorProfile("a", "cle", 6, new double[]{5, 10}, new double[]{0.048, 0.038},
                new double[]{0.4, 0.2}, null, 1, 0.05);
        ErrorProfile off = new ErrorProfile("b", "cle", 6, new double[]{5, 10}, new double[]{2.9, 2.97},
                new double[]{0.4, 0.2}, null, 1, 0.31);
        ErrorProfile old = new ErrorProfile("c", "cle", 6, new double[]{5, 10}, new double[]{2.9, 2.97},
                new double[]{0.4, 0.2}, null, 1, null);
        SplitReport.writeProfiles(dir, "profile", "t", 1e-6, List.of(ok, off, old));
        String p = Files.readString(dir.resolve("profile.md"));
        assertTrue(p.contains("- b: NOT LINEAR"), p);
        assertFalse(p.contains("- a: NOT LINEAR") || p.contains("- c: NOT LINEAR"), p);
    }
}
