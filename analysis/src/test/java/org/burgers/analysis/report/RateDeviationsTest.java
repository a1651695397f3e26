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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report says why a rate is off Table 1, in the measured fit errors, L span and intervals. */
class RateDeviationsTest {
    @TempDir
    Path dir;

    @Test
    void ratesOnTable1NeedNoExplanation() {
        List<ExperimentResult> rs = ReportWriterTest.synthetic();
        assertEquals(List.of(), RateDeviations.explain(ReportWriter.rates(rs, 8), rs, r -> r.degree() == 8));
    }

    /**
     * Against L, in the three readings: CLE rising as L^0.4 on a flat fit error (a floor), CLE + nonlinear flat
     * on a flat fit error (follows it), no elasticity on Table 1 (no line); energies on Table 1. The report
     * carries the lines in report.json ("deviations"), report.md and report.html.
     */
    @Test
    void aFlatFitErrorIsAFloorOrTheErrorFollowsIt() throws Exception {
        List<ExperimentResult> rs = new ArrayList<>();
        double[] ls = {6, 8, 10, 12, 16, 20};
        for (int i = 0; i < ls.length; i++) {
            double l = ls[i];
            double wiggle = 1 + 0.02 * (i % 2);
            rs.add(ReportWriterTest.r("ne-" + l, "no-elasticity", l, 14, 0.16 * wiggle, 0.4 * wiggle, 6.0));
            rs.add(ReportWriterTest.r("cle-" + l, "cle", l, 14, 0.05 * Math.pow(l, 0.4) * wiggle, 2.0 / (l * l), 6.0));
            rs.add(ReportWriterTest.r("cn-" + l, "cle-nonlinear", l, 14, 0.055 * wiggle, 2.0 / (l * l), 6.0 * wiggle));
        }
        List<String> lines = RateDeviations.explain(ReportWriter.rates(rs, 14), rs, r -> r.degree() == 14);
        assertEquals(2, lines.size(), lines.toString());
        String cle = lines.get(0), cn = lines.get(1);
        assertTrue(cle.startsWith("geometry vs L, cle: slope +0.41 [+0.37, +0.44], Table 1 -1 (off by 1.41). L "
                + "spans 6-20 r0 (3.3x). Fit error: test force RMSE (eps^F) 6 meV/A, slope +0.00 in L. The fit error "
                + "falls slower than Table 1's -1: its term of (3.13) is a floor"), cle);
        assertTrue(cn.startsWith("geometry vs L, cle-nonlinear: slope "), cn);
        assertTrue(cn.contains("test force RMSE (eps^F) 6-6.12 meV/A"), cn);
        assertTrue(cn.contains("The error follows its fit error"), cn);

        ReportWriter.write(dir, "floor", Map.of(), rs, 14, List.of());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(2, json.get("deviations").size());
        assertEquals(cn, json.get("deviations").get(1).asText());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Rates off Table 1 by more than 0.3, and why\n\n- geometry vs L, cle: "), md);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<h2>Rates off Table 1 by more than 0.3"));
    }

    /**
     * NiAl's shape: without rows the energy error falls as L^-2.4 with its fit error, with CLE rows as L^-4
     * while the fit error falls as L^-1.2. Both fall faster than Table 1 (its rates bound from above), and the
     * first also follows its fit error.
     */
    @Test
    void anErrorFallingFasterThanTable1IsWithinTheBound() {
        List<ExperimentResult> rs = new ArrayList<>();
        double[] ls = {6, 8, 10, 12, 16, 20};
        for (int i = 0; i < ls.length; i++) {
            double l = ls[i], wiggle = 1 + 0.05 * (i % 2);
            rs.add(new ExperimentResult("ne-" + l, "no-elasticity", l, 8, 490, 0.3, 20 * Math.pow(l, -2.4) * wiggle,
                    2 * Math.pow(l, -2.4), 10, 10, 0.2, 20, true, 25, null, 1.0));
            rs.add(new ExperimentResult("cle-" + l, "cle", l, 8, 490, 0.3 / l, 500 * Math.pow(l, -4) * wiggle,
                    2 * Math.pow(l, -1.2), 10, 10, 1e-5, 20, true, 25, null, 1.0));
        }
        List<String> lines = RateDeviations.explain(ReportWriter.rates(rs, 8), rs, r -> true);
        String ne = lines.stream().filter(x -> x.startsWith("energy vs L, no-elasticity")).findFirst().orElseThrow();
        String cle = lines.stream().filter(x -> x.startsWith("energy vs L, cle")).findFirst().orElseThrow();
        assertTrue(ne.contains("The error falls faster than Table 1's 0, the rate of the upper bound (3.14): within "
                + "the theorem. The error follows its fit error"), ne);
        assertTrue(cle.contains("slope -1.20 in L. The error falls faster than Table 1's -2, the rate of the upper "
                + "bound (3.14): within the theorem."), cle);
        assertFalse(cle.contains("floor") || cle.contains("follows"), cle);
    }

    /** A flat error while the fit error falls as L^-2: the fit error is not the reason, and the line says so. */
    @Test
    void aFallingFitErrorDoesNotExplainAFlatError() {
        List<ExperimentResult> rs = new ArrayList<>();
        double[] ls = {6, 8, 10, 12, 16, 20};
        for (int i = 0; i < ls.length; i++) {
            double l = ls[i];
            rs.add(ReportWriterTest.r("cle-" + l, "cle", l, 14, 0.12 * (1 + 0.02 * (i % 2)), 2.0 / (l * l),
                    600.0 / (l * l)));
        }
        List<String> lines = RateDeviations.explain(ReportWriter.rates(rs, 14), rs, r -> true);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("slope -2.00 in L. The fit error falls at least as fast as Table 1's -1: it "
                + "does not explain the deviation."), lines.get(0));
    }

    /**
     * An RMSE sweep over 10x in which the energy error goes as the RMSE (not its square) and so does the test
     * energy RMSE: the line says the eps^E term of (3.14) dominates. A 1.2x sweep is called too narrow.
     */
    @Test
    void anEnergyErrorGoingAsEpsEIsSaidToFollowIt() {
        List<ExperimentResult> rs = new ArrayList<>();
        int[] degrees = {6, 8, 10, 12};
        double[] rmse = {200, 60, 30, 20};
        for (int i = 0; i < degrees.length; i++) {
            double f = rmse[i], wiggle = 1 + 0.03 * (i % 2);
            rs.add(new ExperimentResult("rm-" + degrees[i], "cle-nonlinear", 16, degrees[i], 100, 0.01 * f,
                    0.005 * f * wiggle, 0.001 * f, f, f, 0.01, 0.1, true, 10, null, 1.0));
        }
        List<String> lines = RateDeviations.explain(ReportWriter.rates(rs, 8), rs, r -> false);
        assertEquals(1, lines.size(), lines.toString());
        String e = lines.get(0);
        assertTrue(e.startsWith("energy vs rmse, cle-nonlinear: slope +0.99"), e);
        assertTrue(e.contains("The sweep at L = 16 r0 spans test force RMSE 20-200 meV/A (10.0x) over 4 bases. Over "
                + "the sweep the test energy RMSE (eps^E, which (3.14) holds linearly) goes as RMSE^+1.00, and the "
                + "energy error follows it"), e);
        assertFalse(e.contains("narrow"), e);

        List<ExperimentResult> narrow = new ArrayList<>();
        double[] g = {0.09, 0.05, 0.05};
        for (int i = 0; i < 3; i++) {
            narrow.add(ReportWriterTest.r("n-" + i, "cle-nonlinear", 16, 10 + 2 * i, g[i], 0.01, 6 + 0.5 * i));
        }
        String geometry = RateDeviations.explain(ReportWriter.rates(narrow, 8), narrow, r -> false).stream()
                .filter(x -> x.startsWith("geometry vs rmse")).findFirst().orElseThrow();
        assertTrue(geometry.contains("(1.2x) over 3 bases. Over so narrow a span the L terms of (3.13)"), geometry);
    }

    /** Three scattered points: a slope far from Table 1's whose interval still holds it is said to be undecided. */
    @Test
    void aWideIntervalHoldingTable1IsSaidToBeUndecided() {
        List<ExperimentResult> rs = new ArrayList<>();
        double[] ls = {10, 11, 12};
        double[] g = {0.45, 0.36, 0.52};
        for (int i = 0; i < 3; i++) {
            rs.add(ReportWriterTest.r("cn-" + i, "cle-nonlinear", ls[i], 14, g[i], 1.0, 6.3));
        }
        List<String> lines = RateDeviations.explain(ReportWriter.rates(rs, 14), rs, r -> true);
        String geometry = lines.stream().filter(s -> s.startsWith("geometry")).findFirst().orElseThrow();
        assertTrue(geometry.contains("Table 1's slope lies inside the 95% interval: L = 10-12 r0 (1.2x) does not tell "
                + "them apart."), geometry);
        assertFalse(geometry.contains("L spans"), geometry);
        // an interval that wide holds any slope: no reading of the fit error is offered
        assertTrue(geometry.endsWith("slope +0.00 in L. The fit error is given for the record."), geometry);
    }
}
