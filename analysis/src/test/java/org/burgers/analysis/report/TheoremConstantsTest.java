package org.burgers.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.burgers.analysis.study.ExperimentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TheoremConstantsTest {
    static final int ND = 4;
    static final double LD = 20;

    /** An experiment whose errors are exactly cg and ce times the brackets of (3.13) and (3.14). */
    static ExperimentResult exact(String c, double l, double fRmse, double eRmse, double e1, double e2, double cg,
                                  double ce) {
        double g = fRmse * 1e-3 + Math.sqrt(Math.log(LD)) * e1 + e2 / l + 1 / (l * l);
        double geo = cg * Math.sqrt(ND) * g;
        double en = ce * ND * (g * g + 1 / (l * l) + eRmse * 1e-3);
        return new ExperimentResult(c + l + fRmse, c, l, 10, 100, geo, en, eRmse, fRmse, fRmse, e1, e2, true, 10,
                null, 1);
    }

    @Test
    void recoversTheConstantsOfExactlyBoundedData() {
        List<ExperimentResult> rs = new ArrayList<>();
        double[] ls = {4, 6, 8, 12};
        for (double l : ls) {
            rs.add(exact("cle", l, 20 / l, 2, 0.01 / l, 0.3, 0.7, 1.9));
            rs.add(exact("no-elasticity", l, 15, 1, 0.05, 0.5, 0.7 * (1 + l / 12), 3));
        }
        rs.add(new ExperimentResult("broken", "cle", 8, 10, 100, Double.NaN, Double.NaN, 1, 1, 1, 0, 0, false, 0,
                "relaxation blew up", 1));
        List<TheoremConstants> t = TheoremConstants.estimate(rs, ND, LD);
        assertEquals(List.of("no-elasticity", "cle"), t.stream().map(TheoremConstants::caseName).toList());
        TheoremConstants cle = t.get(1);
        assertEquals(4, cle.points(), "the failed experiment is skipped");
        for (int k = 0; k < 3; k++) {
            assertEquals(0.7, cle.cG()[k], 1e-12);
            assertEquals(1.9, cle.cE()[k], 1e-12);
        }
        // a case whose ratio grows with L: min, median and max tell it
        TheoremConstants no = t.get(0);
        assertEquals(0.7 * (1 + 4 / 12.0), no.cG()[0], 1e-12);
        assertEquals(0.7 * (1 + 1.0), no.cG()[2], 1e-12);
        assertEquals(0.7 * (1 + 7 / 12.0), no.cG()[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> TheoremConstants.estimate(rs, 0, LD));
    }

    @Test
    void theReportCarriesThem(@TempDir Path dir) throws Exception {
        List<ExperimentResult> rs = new ArrayList<>();
        for (double l : new double[] {4, 8}) {
            rs.add(exact("cle-nonlinear", l, 10, 1, 0.001, 0.01, 0.5, 2));
        }
        ReportWriter.write(dir, "t", Map.of(), rs, 10, List.of(), TheoremConstants.estimate(rs, ND, LD));
        JsonNode j = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(0.5, j.get("theoremConstants").get(0).get("cG").get(2).asDouble(), 1e-12);
        assertTrue(Files.readString(dir.resolve("report.md")).contains("Constants of Theorem 3.1"));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("Constants of Theorem 3.1"));
    }
}
