package org.burgers.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.burgers.analysis.study.ExperimentResult;
import org.burgers.analysis.study.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    /** Synthetic errors that follow Table 1 exactly: the report must recover the slopes. */
    static List<ExperimentResult> synthetic() {
        List<ExperimentResult> rs = new ArrayList<>();
        double[] ls = {4, 6, 8, 12};
        for (double l : ls) {
            rs.add(r("ne-" + (int) l, "no-elasticity", l, 8, 0.3, 0.2, 10));
            rs.add(r("cle-" + (int) l, "cle", l, 8, 1.0 / l, 1.0 / (l * l), 10));
            rs.add(r("cn-" + (int) l, "cle-nonlinear", l, 8, 1.0 / (l * l), 2.0 / (l * l), 10));
        }
        for (int d : new int[] {6, 10, 12}) {
            double rmse = 100.0 / d;
            rs.add(r("rm-" + d, "cle-nonlinear", 16, d, 0.01 * rmse, 1e-4 * rmse * rmse, rmse));
        }
        return rs;
    }

    static ExperimentResult r(String id, String c, double l, int d, double g, double e, double rmse) {
        return new ExperimentResult(id, c, l, d, 100, g, e, 1.0, rmse, rmse, 0.01, 0.1, true, 10, null, 1.0);
    }

    @Test
    void recoversTable1SlopesFromSyntheticErrors() throws Exception {
        List<ExperimentResult> rs = synthetic();
        ReportWriter.write(dir, "synthetic", Map.of("preset", "test"), rs, 8, List.of());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        int checked = 0;
        for (JsonNode rate : report.get("rates")) {
            double slope = rate.get("slope").asDouble();
            String against = rate.get("against").asText();
            String c = rate.get("case").asText();
            String q = rate.get("quantity").asText();
            if (against.equals("L")) {
                assertEquals(Predictions.slope(q, against, c), slope, 1e-9, q + " " + c);
                checked++;
            } else if (c.equals("cle-nonlinear")) {
                assertEquals(q.equals("geometry") ? 1 : 2, slope, 1e-9);
                checked++;
            }
        }
        assertEquals(8, checked);
        assertTrue(Files.size(dir.resolve("geometry-vs-L.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("report.md")).contains("| geometry | L | cle | -1.00 |"));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<img src=\"energy-vs-rmse.png\""));
    }

    @Test
    void failuresAreReportedAndNaNBecomesNull() throws Exception {
        List<ExperimentResult> rs = new ArrayList<>(synthetic());
        rs.add(new ExperimentResult("bad", "cle", 20, 8, 100, Double.NaN, Double.NaN, 1, 1, 1, 0, 0, false, 500,
                "relaxation did not converge", 1));
        ResultStore store = new ResultStore(dir);
        rs.forEach(store::save);
        List<ExperimentResult> back = store.all();
        assertEquals(rs.size(), back.size());
        assertTrue(Double.isNaN(store.find("bad").orElseThrow().geometryError()));
        ReportWriter.write(dir, "with failure", Map.of(), back, 8, List.of());
        String json = Files.readString(dir.resolve("report.json"));
        assertTrue(json.contains("\"geometryError\" : null"), json.substring(0, 200));
        assertTrue(Files.readString(dir.resolve("report.md")).contains("experiment bad failed: relaxation did not converge"));
    }

    /**
     * A model that relaxed into another structure (bonds formed or broken against the reference's) is named in
     * the notes with its count, which also fills the experiments table; records without the count show n/a.
     */
    @Test
    void bondChangesAreNoted() throws Exception {
        List<ExperimentResult> rs = new ArrayList<>(synthetic());
        rs.add(new ExperimentResult("moved", "cle", 20, 8, 100, 9.5, 2.0, 1, 1, 1, 0, 0, true, 50, null, 1, 0, 0,
                List.of(), 5.0, 5.5, 90, null, null, null, null, null, null, 4));
        rs.add(new ExperimentResult("kept", "cle-nonlinear", 20, 8, 100, 0.5, 0.2, 1, 1, 1, 0, 0, true, 50, null, 1, 0,
                0, List.of(), 0.2, 5.5, 90, null, null, null, null, null, null, 0));
        ReportWriter.write(dir, "bonds", Map.of(), rs, 8, List.of());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("experiment moved: the model relaxed into another structure than the reference's (4 "
                + "bonds formed or broken)"), md);
        assertFalse(md.contains("experiment kept: the model relaxed"), md);
        assertTrue(md.contains("| n/a | 4 |") && md.contains("| n/a | 0 |"), md);
        assertTrue(md.contains("| bonds changed |"), md);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<td>4</td></tr>"));
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"bondChanges\" : 4"));
    }

    /**
     * The side-by-side table counts, per case, the L values where its far-field error is the lowest, and
     * lists the three cases' errors in the document's order; a failed experiment shows n/a errors but its
     * fit's eps_1^V.
     */
    @Test
    void sideBySideTableCountsTheLowestFarFieldErrorPerCase() {
        List<ExperimentResult> rs = new ArrayList<>();
        double[][] far = {{0.3, 0.2, 0.1}, {0.3, 0.1, 0.2}, {0.3, 0.25, 0.05}};
        String[] cases = {"no-elasticity", "cle", "cle-nonlinear"};
        for (int k = 0; k < 3; k++) {
            double l = 4 + k;
            for (int c = 0; c < 3; c++) {
                rs.add(new ExperimentResult("x" + k + c, cases[c], l, 8, 100, 2 * far[k][c], 1, 1, 10, 10, 0.5 + c, 1,
                        true, 10, null, 1, 0, 0, List.of(), far[k][c], 5.5, 90));
            }
        }
        rs.add(new ExperimentResult("failed", "cle", 7, 8, 100, Double.NaN, Double.NaN, 1, 10, 10, 0.125, 1, false,
                500, "the relaxation with the fitted model did not converge", 1, 0, 0, List.of(), Double.NaN, 5.5, 90));
        rs.add(new ExperimentResult("other-degree", "cle", 7, 10, 100, 0.01, 1, 1, 10, 10, 0.5, 1, true, 10, null, 1,
                0, 0, List.of(), 0.001, 5.5, 90));
        String t = ReportWriter.separation(rs, 8);
        assertTrue(t.contains("no-elasticity 0, cle 1, cle-nonlinear 2 (of 4)"), t);
        assertTrue(t.contains("| 4.00 | 0.600 / 0.400 / 0.200 | 0.300 / 0.200 / 0.100 |"), t);
        assertTrue(t.contains("| 7.00 | n/a / n/a / n/a | n/a / n/a / n/a | n/a / n/a / n/a | n/a / 0.125 / n/a |"), t);
    }
}
