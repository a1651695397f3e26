package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.burgers.simulation.training.RattledSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick presets of the three straight systems end to end, at their full sizes (only the RMSE sweeps left
 * out): the W preset, whose errors must show the elastic rows apart; the NiAl preset, whose energy and
 * far-field errors must; the Si preset, whose energy errors must. For all: rates for the three cases, and fits
 * that differ as the loss says they must (the CLE rows cut eps_1^V, the nonlinear rows eps_2^V, each at least
 * tenfold).
 */
class QuickPresetsTest {
    @TempDir
    Path dir;

    /**
     * The Si quick preset itself (N = 30 r0, 8,568 atoms; L = 6, 7, 8 r0, 25 + 10 samples, degree 14 with wL 1.0
     * and rcut 3.3 A, 684 functions, the pair curvature prior, the paper's weights 100 / 20 / 20 / 1, ARD; its
     * RMSE sweep left out): the elastic rows must show in the energy error, as they do at the paper's N = 100
     * r0 (docs/study.md). Measured: energy no elasticity / CLE / CLE + nonlinear 4.40 / 2.35 / 0.433, 5.21 /
     * 1.75 / 0.125, 4.71 / 1.19 / 0.808 eV (Table 1's order at every L; CLE 1.9-4.0x and CLE + nonlinear
     * 5.8-42x below no elasticity). The geometry error is not ordered (5.2-7.5 A, no elasticity lowest; its
     * residual sits in the strained crystal around the cores, docs/study.md), so that is not asserted. Every
     * relaxation converges. The CLE models carry the reference's relaxed-ion C44 (81.285 GPa,
     * LammpsAgreementTest), which clamped-ion rows left at 59-63 GPa.
     */
    @Test
    void siEdgeQuickPresetShowsTheElasticRowsInTheEnergy() throws Exception {
        List<ExperimentResult> rs = runWithoutSweep("si-edge-quick", 30, 9, true);
        for (ExperimentResult r : rs) {
            assertTrue(r.testForceRmse() < 200, r.id() + ": test force RMSE " + r.testForceRmse());
        }
        List<Double> ls = StudyDocument.preset("si-edge-quick").trainingSizes();
        for (double l : ls) {
            ExperimentResult ne = find(rs, l, "no-elasticity"), cle = find(rs, l, "cle"), cn = find(rs, l, "cle-nonlinear");
            double c44 = cle.modelRelaxedCubicGPa().get(2);
            assertEquals(81.285, c44, 0.05 * 81.285, "L " + l + ": relaxed-ion C44 of the CLE model");
            assertTrue(cle.eps1RelaxedV() < 0.1 * ne.eps1RelaxedV(), "L " + l + ": relaxed-ion misfit "
                    + cle.eps1RelaxedV() + " vs " + ne.eps1RelaxedV());
            assertTrue(cle.energyError() < 0.75 * ne.energyError(), "L " + l + ": energy error, CLE "
                    + cle.energyError() + " vs no elasticity " + ne.energyError());
            assertTrue(cn.energyError() < 0.5 * ne.energyError(), "L " + l + ": energy error, CLE + nonlinear "
                    + cn.energyError() + " vs no elasticity " + ne.energyError());
        }
    }

    /**
     * Runs a quick preset without its RMSE sweep and checks what every study must show: each experiment a
     * result or a recorded failure, the CLE rows cutting eps_1^V and the nonlinear rows eps_2^V at every L,
     * and a rate against L for every case with two successful experiments.
     */
    private List<ExperimentResult> runWithoutSweep(String preset, double n, int experiments, boolean allConverge)
            throws Exception {
        StudyDocument d = TinyStudies.withoutSweep(preset);
        assertEquals(n, d.simulationSize());
        Map<String, Object> report = StudyRunner.create(d).run(dir, dir.resolve("cache"), Progress.silent());
        assertTrue(report.containsKey("rates"));
        List<ExperimentResult> rs = new ResultStore(dir).all();
        assertEquals(experiments, rs.size());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        String notes = json.get("notes").toString();
        for (ExperimentResult r : rs) {
            if (allConverge) {
                assertTrue(r.ok(), r.id() + ": " + r.failure());
            }
            if (r.ok()) {
                assertTrue(r.geometryError() > 0 && r.energyError() >= 0, r.id());
                assertTrue(r.farFieldGeometryError() > 0 && r.farFieldGeometryError() <= r.geometryError(), r.id());
                // the bonds the model's structure changes are counted, and any change is named in the notes
                assertTrue(r.bondChanges() != null && r.bondChanges() >= 0, r.id());
                assertTrue(r.bondChanges() == 0 || notes.contains(r.id() + ": the model relaxed into another"), r.id());
            } else {
                assertNull(r.bondChanges(), r.id());
                // a runaway exhausts the relaxation budget, drives two atoms onto each other, or drives the
                // model to a non-finite energy (caught, never passed on)
                assertTrue(r.failure().contains("did not converge") || r.failure().contains("same position")
                                || r.failure().contains("non-finite"),
                        r.id() + ": " + r.failure());
                assertTrue(Double.isNaN(r.geometryError()) && Double.isNaN(r.energyError()), r.id());
                assertTrue(notes.contains(r.id()), "report notes must name the failed experiment " + r.id());
            }
        }
        // the fits of the three cases differ as their losses say: CLE rows cut eps1V, nonlinear rows eps2V
        for (double l : d.trainingSizes()) {
            ExperimentResult ne = find(rs, l, "no-elasticity"), cle = find(rs, l, "cle"), cn = find(rs, l, "cle-nonlinear");
            assertTrue(cle.eps1V() < 0.1 * ne.eps1V(), preset + " L " + l + ": eps1V " + cle.eps1V() + " vs " + ne.eps1V());
            assertTrue(cn.eps2V() < 0.1 * cle.eps2V(), preset + " L " + l + ": eps2V " + cn.eps2V() + " vs " + cle.eps2V());
            if (ne.ok() && cle.ok()) {
                assertNotEquals(ne.geometryError(), cle.geometryError());
            }
        }
        // a rate against L for every case with two successful experiments
        Set<String> expected = new HashSet<>();
        for (String c : List.of("no-elasticity", "cle", "cle-nonlinear")) {
            if (rs.stream().filter(r -> r.caseName().equals(c) && r.ok()).count() >= 2) {
                expected.add(c);
            }
        }
        Set<String> cases = new HashSet<>();
        for (JsonNode r : json.get("rates")) {
            if (r.get("against").asText().equals("L") && r.get("quantity").asText().equals("geometry")) {
                cases.add(r.get("case").asText());
            }
        }
        assertEquals(expected, cases);
        String md = java.nio.file.Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("The three cases side by side"), md);
        return rs;
    }

    /**
     * The W quick preset itself (N = 24 r0, L = 5, 9, 10, 12 r0, 8 + 4 samples, pair degree 100; only its RMSE
     * sweep left out): the quadrupole cell is mostly elastic far field (948 of 1020 sites farther than the
     * cutoff from every core), so the elastic rows must show: with the linear and nonlinear elastic rows the
     * geometry error is below the one without elastic rows at every L, and the CLE rows alone lower it on
     * average. For a screw dislocation the linear-elastic field does not depend on the elastic constants (it
     * is anti-plane and isotropic about the line), which is why the nonlinear rows make the larger difference.
     * Measured: no elasticity 0.220, 0.967, 0.885, 0.729 A; CLE 0.182, 0.256, 0.307, 0.236 A; CLE +
     * nonlinear 0.136, 0.148, 0.148, 0.177 A (with ARD's posterior on LAPACK since 2026-11-28; with EJML's the
     * unconverged ARD fits of L = 9 and 12 ended elsewhere: CLE 0.208 at L = 12, CLE + nonlinear 0.170 at
     * L = 9). (Before the training-cell check the preset had L = 4 and 7, whose dipoles relax into perfect
     * crystals.)
     */
    @Test
    void wScrewQuickPresetShowsTheElasticRowsApart() throws Exception {
        List<ExperimentResult> rs = runWithoutSweep("w-screw-quick", 24, 12, true);
        List<Double> ls = StudyDocument.preset("w-screw-quick").trainingSizes();
        double meanNone = 0, meanCle = 0;
        for (double l : ls) {
            ExperimentResult ne = find(rs, l, "no-elasticity"), cle = find(rs, l, "cle"), cn = find(rs, l, "cle-nonlinear");
            for (ExperimentResult r : List.of(ne, cle, cn)) {
                assertTrue(r.testForceRmse() < 50, r.id() + ": test force RMSE " + r.testForceRmse());
            }
            assertTrue(cn.geometryError() < ne.geometryError(), "L " + l + ": CLE + nonlinear " + cn.geometryError()
                    + " vs no elasticity " + ne.geometryError());
            meanNone += ne.geometryError() / ls.size();
            meanCle += cle.geometryError() / ls.size();
        }
        assertTrue(meanCle < meanNone, "mean geometry error, CLE " + meanCle + " vs no elasticity " + meanNone);
    }

    /**
     * The NiAl quick preset itself (N = 20 r0, L = 4, 5, 7, 8 r0, 8 + 4 samples, alpha 0.5 A read as JuLIP's
     * rattle; its RMSE sweep left out): the elastic rows must show in the energy error and in the far field.
     * Measured: energy no elasticity / CLE / CLE + nonlinear 0.363 / 0.352 / 0.058, 0.323 / 0.205 / 0.074,
     * 0.286 / 0.095 / 0.052, 0.387 / 0.048 / 0.082 eV (CLE + nonlinear 4.4-6.3x below no elasticity at every
     * L); far field 0.518 / 0.805 / 0.314, 0.353 / 0.486 / 0.254, 0.391 / 0.379 / 0.325, 0.274 / 0.355 / 0.273 A.
     * The whole-cell geometry error is not ordered (the core's fit error, 15-39 meV/A, sets it; docs/study.md),
     * so that is not asserted. With ASE's Gaussian 0.1 A the energy was not ordered either and the case without
     * rows had the lowest far-field error at 3 of 4 L.
     */
    @Test
    void nialScrewQuickPresetShowsTheElasticRowsInEnergyAndFarField() throws Exception {
        List<ExperimentResult> rs = runWithoutSweep("nial-screw-quick", 20, 12, true);
        for (ExperimentResult r : rs) {
            assertTrue(r.testForceRmse() < 50, r.id() + ": test force RMSE " + r.testForceRmse());
        }
        List<Double> ls = StudyDocument.preset("nial-screw-quick").trainingSizes();
        double meanNone = 0, meanCle = 0;
        int farBelow = 0;
        for (double l : ls) {
            ExperimentResult ne = find(rs, l, "no-elasticity"), cle = find(rs, l, "cle"), cn = find(rs, l, "cle-nonlinear");
            assertTrue(cn.energyError() < 0.5 * ne.energyError(), "L " + l + ": energy error, CLE + nonlinear "
                    + cn.energyError() + " vs no elasticity " + ne.energyError());
            meanNone += ne.energyError() / ls.size();
            meanCle += cle.energyError() / ls.size();
            if (cn.farFieldGeometryError() < ne.farFieldGeometryError()) {
                farBelow++;
            }
        }
        assertTrue(meanCle < 0.75 * meanNone, "mean energy error, CLE " + meanCle + " vs no elasticity " + meanNone);
        assertTrue(farBelow >= 3, "CLE + nonlinear below no elasticity in the far field at " + farBelow + " of 4 L");
    }

    private static ExperimentResult find(List<ExperimentResult> rs, double l, String c) {
        return rs.stream().filter(r -> r.trainingSize() == l && r.caseName().equals(c)).findFirst().orElseThrow();
    }

    @Test
    void everyPresetIsValidAndThePaperPresetsHaveThePaperSettings() {
        for (String p : StudyDocument.presets()) {
            StudyDocument d = StudyDocument.preset(p);
            if (p.endsWith("-paper")) {
                // the loop: N_train = 150 as in the paper's section 4.3; the straight systems 100
                assertEquals(p.startsWith("w-loop") ? 150 : 100, d.training().nTrain(), p);
                assertEquals(50, d.training().nTest(), p);
                assertEquals("ard", d.solver(), p);
                assertTrue(d.trainingSizes().size() >= 5, p);
                double we = p.startsWith("w-screw") || p.startsWith("nial") ? 50 : 100;
                assertEquals(we, d.cases().get("cle-nonlinear").energy(), p);
                assertEquals(we / 5, d.cases().get("cle").d1V(), p);
                assertEquals(0, d.cases().get("cle").d2V(), p);
                assertEquals(0, d.cases().get("no-elasticity").d1V(), p);
                // the paper's alpha = 0.5 A as ACEpotentials.jl (JuLIP rattle!) reads it, no atom moved farther
                // than alpha; Si keeps ASE's Gaussian 0.1 A, with which its fits and relaxations fare best
                // (docs/study.md, "The paper presets' alpha")
                boolean si = p.startsWith("si-");
                assertEquals(si ? 0.1 : 0.5, d.training().alpha(), p);
                assertEquals(si ? RattledSet.Distribution.GAUSSIAN : RattledSet.Distribution.JULIP,
                        d.training().distribution(), p);
            }
        }
        assertEquals(120, StudyDocument.preset("w-screw-paper").simulationSize());
        assertEquals(100, StudyDocument.preset("si-edge-paper").simulationSize());
    }

    /**
     * The loop study (section 4.3) at test sizes: N = 7 r0 (about 650 atoms), loops of diameter L = 4 and 5 r0
     * (too small to be stable, which does not matter here: every model relaxes the same predictor as the
     * reference), 2 + 2 samples split between the screw and the edge dipole of each L, degree 6, no RMSE sweep,
     * the cases no-elasticity and cle only (the default suite's time). Checked: one reference loop per L (their
     * atom counts differ by the removed disc), the training sets hold both dipoles, all four experiments end
     * with finite errors or a recorded failure, and the elastic rows cut eps_1^V as for the straight systems. The
     * 4 r0 screw dipole annihilates, so at L = 4 the study trains on the edge dipole alone and says so.
     * The whole quick preset is {@code wLoopQuickPresetRunsEndToEnd} (slow).
     */
    @Test
    void tinyLoopStudyRelaxesOneLoopPerTrainingSizeAndTrainsOnScrewAndEdgeDipoles() throws Exception {
        StudyDocument t = TinyStudies.shrink("w-loop-quick", 7, List.of(4.0, 5.0), 2, 2, 6, List.of());
        Map<String, StudyDocument.Weights> two = new java.util.LinkedHashMap<>(t.cases());
        two.remove("cle-nonlinear");
        StudyDocument d = new StudyDocument(t.name(), t.system(), t.reference(), t.simulationSize(), t.trainingSizes(),
                t.training(), t.basis(), two, t.solver(), t.relaxation(), t.elasticUnit()).validated("test");
        StudyRunner.create(d).run(dir, dir.resolve("cache"), Progress.silent());
        List<ExperimentResult> rs = new ResultStore(dir).all();
        assertEquals(4, rs.size());
        JsonNode ref = new ObjectMapper().readTree(dir.resolve("reference.json").toFile());
        JsonNode perL = ref.get("perTrainingSize");
        assertEquals(2, perL.size(), ref.toString());
        int n4 = perL.get(0).get("natoms").asInt();
        int n5 = perL.get(1).get("natoms").asInt();
        assertTrue(n4 > n5 && n5 > 500, "a larger loop removes more sites: " + n4 + " vs " + n5);
        assertTrue(ref.get("converged").asBoolean(), ref.toString());
        // the cache holds relaxed screw and edge dipoles and a labelled set of each, per L
        List<String> files;
        try (var st = java.nio.file.Files.list(dir.resolve("cache"))) {
            files = st.map(f -> f.getFileName().toString()).toList();
        }
        for (String prefix : List.of("w-edge-dipole-L4.00000-train", "w-screw-dipole-L5.00000-train",
                "w-screw-dipole-L5.00000-test", "w-edge-dipole-L5.00000-test", "prismatic-loop-L4.00000",
                "prismatic-loop-L5.00000")) {
            assertTrue(files.stream().anyMatch(f -> f.startsWith(prefix)), prefix + " in " + files);
        }
        // the screw dipole of 4 r0 annihilates when relaxed (PerfectCrystalCheckTest): relaxed and cached, then
        // left out of the training set, which keeps the edge dipole, and every L = 4 experiment says so
        assertTrue(files.stream().anyMatch(f -> f.startsWith("w-screw-dipole-L4.00000-")), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.startsWith("w-screw-dipole-L4.00000-train")), files.toString());
        for (ExperimentResult r : rs) {
            boolean lost = r.warnings().stream().anyMatch(w -> w.contains("w-screw-dipole training cell L = 4.00000 "
                    + "lost its dislocations"));
            assertEquals(r.trainingSize() == 4.0, lost, r.id() + ": " + r.warnings());
        }
        String notes = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("notes").toString();
        for (ExperimentResult r : rs) {
            if (r.ok()) {
                assertTrue(r.geometryError() > 0 && r.energyError() >= 0, r.id());
                assertTrue(Double.isFinite(r.referenceEnergy()) && r.referenceEnergy() > 0, r.id());
                // the far field: the sites farther than rcut from the loop line, part of the whole error
                assertTrue(r.farFieldSites() > 0 && r.farFieldGeometryError() > 0
                        && r.farFieldGeometryError() < r.geometryError(), r.id() + ": " + r.farFieldSites() + " sites, "
                        + r.farFieldGeometryError() + " of " + r.geometryError());
            } else {
                assertTrue(notes.contains(r.id()), "report notes must name the failed experiment " + r.id());
            }
        }
        for (double l : List.of(4.0, 5.0)) {
            ExperimentResult ne = find(rs, l, "no-elasticity"), cle = find(rs, l, "cle");
            assertTrue(cle.eps1V() < 0.5 * ne.eps1V(), "L " + l + ": eps1V " + cle.eps1V() + " vs " + ne.eps1V());
        }
    }

    /**
     * The quick loop preset end to end (about 15 min on 2 cores): every experiment stored, errors finite or
     * the failure recorded, a rate against L wherever a case has two successes.
     */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void wLoopQuickPresetRunsEndToEnd() throws Exception {
        StudyDocument d = StudyDocument.preset("w-loop-quick");
        StudyRunner.create(d).run(dir, dir.resolve("cache"), new Progress(System.err));
        List<ExperimentResult> rs = new ResultStore(dir).all();
        assertEquals(StudyRunner.create(d).plan().size(), rs.size());
        String notes = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("notes").toString();
        for (ExperimentResult r : rs) {
            assertTrue(r.ok() || notes.contains(r.id()), r.id());
        }
    }

    /** The w-loop presets: loops no smaller than 7 r0 (stable in a 12 r0 cell), 4 r0 clear of their images (measured stable). */
    @Test
    void theLoopPresetsUseStableLoopsThatFitTheCell() {
        for (String p : List.of("w-loop-quick", "w-loop-paper")) {
            StudyDocument d = StudyDocument.preset(p);
            assertEquals("w-loop", d.system());
            for (double l : d.trainingSizes()) {
                assertTrue(l >= 7 && l <= d.simulationSize() - 4, p + ": L = " + l);
            }
        }
    }
}
