package org.burgers.fitting.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.burgers.core.InputException;
import org.burgers.core.elasticity.CauchyBorn;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.FiniteDifferences;
import org.burgers.core.testing.Fixtures;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.model.LinearModel;
import org.burgers.fitting.testing.PairPolynomialBasis;
import org.burgers.fitting.testing.TestData;
import org.junit.jupiter.api.Test;

class LossAssemblerTest {
    static final PairPolynomialBasis BASIS = new PairPolynomialBasis(TestData.RC, 6, Set.of("W"));

    static double[] randomCoefficients(int n, long seed) {
        Random r = new Random(seed);
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = r.nextGaussian();
        }
        return c;
    }

    @Test
    void testBasisFeaturesAreConsistentDerivatives() {
        LinearModel m = new LinearModel(BASIS, randomCoefficients(BASIS.size(), 1), ReferenceEnergies.none());
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.16, 2), 0.1, 3).deformed(Fixtures.randomStrain(0.02, 4));
        assertTrue(FiniteDifferences.forceError(m, s, 1e-5, 4) < 1e-7);
        assertTrue(FiniteDifferences.virialError(m, s, 1e-5) < 1e-7);
    }

    /** |A c - b|^2 from the assembled system. */
    static double loss(LossAssembler.Assembled as, double[] c) {
        int m = as.system().rows();
        int n = as.system().cols();
        double[] a = as.system().design().data().asDouble();
        double[] b = as.system().target().data().asDouble();
        double s = 0;
        for (int i = 0; i < m; i++) {
            double r = -b[i];
            for (int j = 0; j < n; j++) {
                r += a[j * m + i] * c[j];
            }
            s += r * r;
        }
        return s;
    }

    @Test
    void assembledLossEqualsTheLossComputedFromModelPredictions() {
        var ref = TestData.morse();
        List<LabelledConfiguration> data = new ArrayList<>(TestData.rattledBcc(ref, 3, 2, 0.08, 10, "bulk"));
        // a second config_type and a per-configuration weight
        LabelledConfiguration extra = TestData.rattledBcc(ref, 1, 2, 0.15, 20, "hot").get(0);
        data.add(new LabelledConfiguration(extra.source(), extra.structure(), extra.energy(), extra.forces(),
                extra.virial(), extra.configType(), 2.5));
        LossWeights w = new LossWeights(50, 10, 3, 10, 1);
        ReferenceEnergies e0 = new ReferenceEnergies(Map.of("W", -0.7));
        Map<String, Double> typeWeights = Map.of("hot", 0.4);
        Structure cell = Fixtures.bcc("W", TestData.A0, 1);
        ElasticObservation el = ElasticObservation.of("bcc W", ref, BASIS, cell, true);
        LossAssembler asm = new LossAssembler(BASIS, w, e0, typeWeights, 2, LossAssembler.ElasticUnit.EV_PER_A3);
        LossAssembler.Assembled as = asm.assemble(data, List.of(el));
        assertEquals(data.size() * (1 + 3 * 16 + 6) + 45 + 165, as.system().rows());

        double[] c = randomCoefficients(BASIS.size(), 5);
        LinearModel model = new LinearModel(BASIS, c, e0);
        double expected = 0;
        for (LabelledConfiguration d : data) {
            double cw = d.weight() * typeWeights.getOrDefault(d.configType(), 1.0);
            Evaluation p = model.evaluate(d.structure(), Request.FORCES);
            int n = d.atoms();
            expected += cw * w.energy() * Math.pow((p.energy() - d.energy()) / n, 2);
            for (int q = 0; q < 3 * n; q++) {
                expected += cw * w.forces() * Math.pow(p.forces()[q] - d.forces()[q], 2);
            }
            for (int[] v : LossAssembler.VOIGT) {
                int ab = 3 * v[0] + v[1];
                expected += cw * w.virial() * Math.pow((p.virial()[ab] - d.virial()[ab]) / n, 2);
            }
        }
        // elastic terms from the fitted model as a potential, through core's Cauchy-Born (independent of the rows)
        CauchyBorn mcb = CauchyBorn.of(model, cell, CauchyBorn.Ions.CLAMPED);
        CauchyBorn rcb = CauchyBorn.of(ref, cell, CauchyBorn.Ions.CLAMPED);
        double elastic = w.d1V() * Math.pow(ElasticObservation.frobenius(mcb.d2(), rcb.d2()), 2)
                + w.d2V() * Math.pow(ElasticObservation.frobenius(mcb.d3(), rcb.d3()), 2);
        double got = loss(as, c);
        // the rows hold the symmetrised tensors; the finite-difference d3 is symmetric to ~1e-4 of its size,
        // which changes the squared norm at the 1e-8 level
        assertEquals(expected + elastic, got, 1e-8 * (expected + elastic));
        // the default unit of the elastic rows is GPa: the elastic part scales by (160.2 GPa per eV/A^3)^2
        double gpa = org.burgers.core.elasticity.Voigt.GPA_PER_EV_A3;
        double gotGpa = loss(new LossAssembler(BASIS, w, e0, typeWeights, 2).assemble(data, List.of(el)), c);
        assertEquals(expected + gpa * gpa * elastic, gotGpa, 1e-8 * gotGpa);
        assertEquals(el.eps1(c), ElasticObservation.frobenius(mcb.d2(), rcb.d2()), 1e-9 * el.eps1(c));
    }

    /**
     * On diamond the observation takes the sublattice shift as a variable (D = 12) in the second-order rows (and,
     * if asked, in the third-order ones): rows whose squared residual is the Frobenius misfit of the model's
     * tensors, computed here from the model as a potential (its forces and virial, not the basis rows).
     */
    @Test
    void diamondObservationHasShiftRowsWhoseLossIsTheMultilatticeMisfit() {
        var ref = TestData.morse();
        double a = 4 * 2.75 / Math.sqrt(3);   // nearest neighbours at the Morse minimum
        Structure cell = Fixtures.cubic("W", a, 1, new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5},
            {0, 0.5, 0.5}, {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}});
        LossWeights w = new LossWeights(0, 0, 0, 10, 1);
        var data = TestData.rattledBcc(ref, 1, 2, 0.08, 10, "bulk");
        double[] c = randomCoefficients(BASIS.size(), 8);
        LinearModel model = new LinearModel(BASIS, c, ReferenceEnergies.none());
        var mcb = org.burgers.core.elasticity.MultilatticeCauchyBorn.of(model, cell);
        var rcb = org.burgers.core.elasticity.MultilatticeCauchyBorn.of(ref, cell);
        CauchyBorn mcl = CauchyBorn.of(model, cell, CauchyBorn.Ions.CLAMPED);
        CauchyBorn rcl = CauchyBorn.of(ref, cell, CauchyBorn.Ions.CLAMPED);
        double second12 = w.d1V() * Math.pow(ElasticObservation.frobenius(mcb.d2(), rcb.d2()), 2);
        double third12 = w.d2V() * Math.pow(ElasticObservation.frobenius(mcb.d3(), rcb.d3()), 2);
        double second9 = w.d1V() * Math.pow(ElasticObservation.frobenius(mcl.d2(), rcl.d2()), 2);
        double third9 = w.d2V() * Math.pow(ElasticObservation.frobenius(mcl.d3(), rcl.d3()), 2);
        // per mode: the variables of the second- and third-order rows, their number, and the loss they add up to
        Object[][] modes = {
            {ElasticObservation.Shifts.SECOND_ORDER, 12, 9, 78 + 165, second12 + third9},
            {ElasticObservation.Shifts.ALL_ORDERS, 12, 12, 78 + 364, second12 + third12},
            {ElasticObservation.Shifts.NONE, 9, 9, 45 + 165, second9 + third9}};
        ElasticObservation el = null;
        for (Object[] m : modes) {
            ElasticObservation e = ElasticObservation.of("diamond", ref, BASIS, cell, true, (ElasticObservation.Shifts) m[0]);
            assertEquals(m[1], e.dimension(), m[0].toString());
            assertEquals(m[2], e.dimension3(), m[0].toString());
            LossAssembler.Assembled as = new LossAssembler(BASIS, w, ReferenceEnergies.none(), Map.of(), 1,
                    LossAssembler.ElasticUnit.EV_PER_A3).assemble(data, List.of(e));
            assertEquals(m[3], as.system().rows(), m[0].toString());
            double expected = (Double) m[4];
            assertEquals(expected, loss(as, c), 1e-7 * expected, m[0].toString());
            if (m[0] == ElasticObservation.Shifts.SECOND_ORDER) {
                el = e;
            }
        }
        assertTrue(el.name().contains("sublattice shifts"), el.name());
        assertEquals(ElasticObservation.frobenius(mcb.d2(), rcb.d2()), el.eps1(c), 1e-8 * el.eps1(c));
        assertEquals(ElasticObservation.Shifts.SECOND_ORDER, ElasticObservation.Shifts.parse(null));
        assertEquals(ElasticObservation.Shifts.ALL_ORDERS, ElasticObservation.Shifts.parse("All-Orders"));
        assertThrows(InputException.class, () -> ElasticObservation.Shifts.parse("some"));
        // the reference's relaxed-ion tensor is the Schur complement of its Hessian: softer in shear
        double[][] relaxed = org.burgers.core.elasticity.Voigt.second(el.referenceRelaxedD2());
        double[][] clamped = org.burgers.core.elasticity.Voigt.second(
                CauchyBorn.of(ref, cell, CauchyBorn.Ions.CLAMPED).d2());
        assertTrue(relaxed[3][3] < 0.95 * clamped[3][3], relaxed[3][3] + " vs " + clamped[3][3]);
        assertEquals(clamped[0][0], relaxed[0][0], 1e-8 * clamped[0][0]);
        // bcc keeps the 9 strain variables
        assertEquals(9, ElasticObservation.of("bcc", ref, BASIS, Fixtures.bcc("W", TestData.A0, 1), false).dimension());
    }

    @Test
    void priorRowsAddTheirWeightedPenaltyToTheLoss() {
        var data = TestData.rattledBcc(TestData.morse(), 3, 2, 0.1, 31, "bulk");
        LossWeights w = new LossWeights(50, 10, 1, 0, 0);
        int n = BASIS.size();
        Random r = new Random(5);
        double[] rows = new double[7 * n];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = r.nextGaussian();
        }
        PriorRows prior = new PriorRows("random", 7, n, rows, 0.37);
        LossAssembler asm = new LossAssembler(BASIS, w, ReferenceEnergies.none(), Map.of(), 2);
        var without = asm.assemble(data, List.of());
        var with = asm.assemble(data, List.of(), List.of(prior));
        assertEquals(without.system().rows() + 7, with.system().rows());
        double[] c = randomCoefficients(n, 9);
        // independent penalty: weight * sum_q (sum_k R_qk c_k)^2
        double pen = 0;
        for (int q = 0; q < 7; q++) {
            double v = 0;
            for (int k = 0; k < n; k++) {
                v += rows[q * n + k] * c[k];
            }
            pen += v * v;
        }
        assertEquals(pen, prior.penalty(c), 1e-12 * pen);
        assertEquals(loss(without, c) + 0.37 * pen, loss(with, c), 1e-10 * loss(with, c));
        // weight 0: no rows; a negative weight is refused
        assertEquals(without.system().rows(), asm.assemble(data, List.of(),
                List.of(new PriorRows("off", 7, n, rows, 0))).system().rows());
        assertThrows(InputException.class, () -> new PriorRows("bad", 7, n, rows, -1));
    }

    /**
     * The chunked normal equations equal the Gram matrix of the formed design (one DGEMM) to rounding, with
     * elastic and prior rows, for chunks of one configuration, of several, and of the whole loss.
     */
    @Test
    void normalEquationsInChunksEqualThoseOfTheDesign() {
        var ref = TestData.morse();
        List<LabelledConfiguration> data = new ArrayList<>(TestData.rattledBcc(ref, 5, 2, 0.08, 50, "bulk"));
        LabelledConfiguration extra = TestData.rattledBcc(ref, 1, 2, 0.15, 60, "hot").get(0);
        data.add(new LabelledConfiguration(extra.source(), extra.structure(), extra.energy(), extra.forces(),
                extra.virial(), extra.configType(), 2.5));
        LossWeights w = new LossWeights(50, 10, 3, 10, 1);
        ElasticObservation el = ElasticObservation.of("bcc W", ref, BASIS, Fixtures.bcc("W", TestData.A0, 1), true);
        int n = BASIS.size();
        Random r = new Random(7);
        double[] rows = new double[3 * n];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = r.nextGaussian();
        }
        List<PriorRows> priors = List.of(new PriorRows("random", 3, n, rows, 0.5));
        LossAssembler asm = new LossAssembler(BASIS, w, new ReferenceEnergies(Map.of("W", -0.7)), Map.of("hot", 0.4), 2);
        var full = asm.assemble(data, List.of(el), priors).system().normalEquations();
        int perConfig = 1 + 3 * 16 + 6;
        for (long chunkRows : new long[] {1, 2 * perConfig + 1, 10_000}) {
            var an = asm.normalEquations(data, List.of(el), priors, chunkRows * 8 * n);
            var ne = an.equations();
            int expectChunks = chunkRows == 1 ? data.size() + 1 : chunkRows == 10_000 ? 2 : 3 + 1;
            assertEquals(expectChunks, an.chunks(), "chunks of " + chunkRows + " rows");
            assertEquals(full.m(), ne.m());
            assertEquals(full.n(), ne.n());
            double gmax = 0;
            for (double v : full.g()) {
                gmax = Math.max(gmax, Math.abs(v));
            }
            for (int k = 0; k < n * n; k++) {
                assertEquals(full.g()[k], ne.g()[k], 1e-13 * gmax, "G[" + k + "], chunks of " + chunkRows);
            }
            for (int k = 0; k < n; k++) {
                assertEquals(full.h()[k], ne.h()[k], 1e-13 * gmax, "h[" + k + "]");
            }
            assertEquals(full.bb(), ne.bb(), 1e-13 * full.bb());
            // the loss at any coefficients, from the equations, is the loss of the formed system
            double[] c = randomCoefficients(n, 11);
            assertEquals(full.residual(c), ne.residual(c), 1e-10 * full.residual(c));
        }
    }

    @Test
    void parallelAssemblyIsIdenticalToSerial() {
        var data = TestData.rattledBcc(TestData.morse(), 6, 2, 0.1, 30, "bulk");
        LossWeights w = new LossWeights(50, 10, 1, 0, 0);
        var serial = new LossAssembler(BASIS, w, ReferenceEnergies.none(), Map.of(), 1).assemble(data, List.of());
        var parallel = new LossAssembler(BASIS, w, ReferenceEnergies.none(), Map.of(), 2).assemble(data, List.of());
        assertArrayEquals(serial.system().design().data().asDouble(), parallel.system().design().data().asDouble());
        assertArrayEquals(serial.system().target().data().asDouble(), parallel.system().target().data().asDouble());
    }

    @Test
    void zeroWeightsRemoveRowsAndBadInputIsNamed() {
        var data = TestData.rattledBcc(TestData.morse(), 2, 2, 0.1, 40, "bulk");
        var as = new LossAssembler(BASIS, new LossWeights(1, 0, 0, 0, 0), ReferenceEnergies.none(), Map.of(), 1)
                .assemble(data, List.of());
        assertEquals(2, as.system().rows());
        LabelledConfiguration d = data.get(1);
        var noEnergy = List.of(data.get(0),
                new LabelledConfiguration("train.xyz frame 1", d.structure(), null, d.forces(), null, "bulk", 1));
        InputException ex = assertThrows(InputException.class,
                () -> new LossAssembler(BASIS, LossWeights.PAPER_W, ReferenceEnergies.none(), Map.of(), 1)
                        .assemble(noEnergy, List.of()));
        assertTrue(ex.getMessage().contains("train.xyz frame 1") && ex.getMessage().contains("energy"), ex.getMessage());
        ex = assertThrows(InputException.class, () -> new LossAssembler(BASIS, new LossWeights(1, 1, 1, 0, 0),
                ReferenceEnergies.none(), Map.of(), 1).assemble(noEnergy.subList(0, 1).stream()
                        .map(c -> new LabelledConfiguration(c.source(), c.structure(), c.energy(), c.forces(), null,
                                c.configType(), 1)).toList(), List.of()));
        assertTrue(ex.getMessage().contains("virial"), ex.getMessage());
        var other = new PairPolynomialBasis(TestData.RC, 3, Set.of("Mo"));
        ex = assertThrows(InputException.class, () -> new LossAssembler(other, LossWeights.PAPER_W,
                ReferenceEnergies.none(), Map.of(), 1).assemble(data, List.of()));
        assertTrue(ex.getMessage().contains("atom 0 is W"), ex.getMessage());
        assertThrows(InputException.class, () -> new LabelledConfiguration("x", d.structure(), 1.0, null, null, "b", -1));
        assertThrows(InputException.class, () -> LossWeights.parse("E=50,Q=3", LossWeights.PAPER_W));
        assertThrows(InputException.class, () -> LossWeights.parse("E=-1", LossWeights.PAPER_W));
        assertEquals(new LossWeights(50, 10, 0, 10, 1), LossWeights.parse("", LossWeights.PAPER_W));
        assertEquals(new LossWeights(50, 10, 2, 0, 0), LossWeights.parse("v=2,d1V=0,d2V=0", LossWeights.PAPER_W));
        assertThrows(InputException.class, () -> new LossAssembler(BASIS, LossWeights.PAPER_W,
                ReferenceEnergies.none(), Map.of("bulk", -2.0), 1));
    }
}
