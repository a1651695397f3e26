package org.burgers.fitting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.errors.ErrorReport;
import org.burgers.fitting.loss.ElasticObservation;
import org.burgers.fitting.loss.LossAssembler;
import org.burgers.fitting.loss.LossWeights;
import org.burgers.fitting.model.LinearModel;
import org.burgers.fitting.solve.SolverConfig;
import org.burgers.fitting.testing.PairPolynomialBasis;
import org.burgers.fitting.testing.TestData;
import org.junit.jupiter.api.Test;

class FitterTest {
    static final PairPolynomialBasis BASIS = new PairPolynomialBasis(TestData.RC, 6, Set.of("W"));
    static final Structure CELL = Fixtures.bcc("W", TestData.A0, 1);

    @Test
    void aModelInsideTheSpanIsRecoveredExactlyWithZeroErrors() {
        double[] truth = {0.3, -1.2, 2.0, 0.7, -0.4, 0.05};
        ReferenceEnergies e0 = new ReferenceEnergies(Map.of("W", -4.5));
        LinearModel ref = new LinearModel(BASIS, truth, e0);
        List<LabelledConfiguration> train = TestData.rattledBcc(ref, 8, 2, 0.1, 100, "bulk");
        List<LabelledConfiguration> test = TestData.rattledBcc(ref, 4, 2, 0.1, 200, "bulk");
        ElasticObservation el = ElasticObservation.of("bcc W", ref, BASIS, CELL, true);
        for (String solver : new String[] {"qr", "blr", "ard"}) {
            Fitter.Result r = Fitter.fit(BASIS, train, test, new LossWeights(50, 10, 1, 10, 1), e0, Map.of(),
                    List.of(el), SolverConfig.defaults(solver).create(), 2);
            System.out.println(solver + " " + r.test().all() + " eps1V " + r.matching().get(0).eps1V());
            if (solver.equals("qr")) {
                // the pair functions are nearly collinear (condition ~1e8): coefficients to ~cond * eps
                for (int k = 0; k < truth.length; k++) {
                    assertEquals(truth[k], r.model().coefficients()[k], 1e-6 * Math.abs(truth[k]), solver + " c" + k);
                }
            }
            // blr and ard regularise the weakly determined directions, which changes no prediction visibly
            double tol = solver.equals("qr") ? 1e-6 : 1e-2;
            assertTrue(r.test().all().forceRmse() < tol, solver + " " + r.test().all());
            assertTrue(r.test().all().energyRmse() < tol, solver + " " + r.test().all());
            assertTrue(r.train().all().virialRmse() < tol, solver + " " + r.train().all());
            assertTrue(r.matching().get(0).eps1V() < (solver.equals("qr") ? 1e-10 : 1e-4)
                    * r.matching().get(0).referenceD2Norm(), solver + " eps1V " + r.matching().get(0).eps1V());
        }
    }

    /**
     * Above the design budget a solver that needs only the normal equations gets them assembled in chunks, and
     * fits the same model (to rounding); a solver that needs the design (qr) still gets it. Four pair functions:
     * with eight (condition ~1e8, so ~1e16 in A^T A) the smallest eigenvalues of G sit at its rounding level and
     * blr's and ard's evidence moves with the order of the sums by ~1e-5, as it would between two BLAS builds.
     */
    @Test
    void aLossAboveTheDesignBudgetIsFittedFromChunkedNormalEquations() {
        var ref = TestData.morse();
        var basis = new PairPolynomialBasis(TestData.RC, 4, Set.of("W"));
        List<LabelledConfiguration> train = TestData.rattledBcc(ref, 10, 2, 0.15, 300, "bulk");
        List<LabelledConfiguration> test = TestData.rattledBcc(ref, 3, 2, 0.15, 400, "bulk");
        ElasticObservation el = ElasticObservation.of("bcc W", ref, basis, CELL, true);
        LossWeights w = new LossWeights(50, 10, 1, 10, 1);
        for (String name : new String[] {"qr", "ridge", "blr", "ard"}) {
            var solver = SolverConfig.defaults(name).create();
            Fitter.Result formed = Fitter.fit(basis, train, test, w, ReferenceEnergies.none(), Map.of(), List.of(el),
                    solver, 2, LossAssembler.ElasticUnit.GPA, List.of(), Long.MAX_VALUE);
            Fitter.Result chunked = Fitter.fit(basis, train, test, w, ReferenceEnergies.none(), Map.of(), List.of(el),
                    solver, 2, LossAssembler.ElasticUnit.GPA, List.of(), 0);
            assertEquals(formed.rows(), chunked.rows(), name);
            assertEquals(solver.solvesNormalEquations(), !name.equals("qr"), name);
            double[] a = formed.model().coefficients();
            double[] b = chunked.model().coefficients();
            double norm = 0;
            double diff = 0;
            for (int k = 0; k < a.length; k++) {
                norm += a[k] * a[k];
                diff += (a[k] - b[k]) * (a[k] - b[k]);
            }
            // measured 2e-14 to 3e-13
            assertTrue(Math.sqrt(diff / norm) < 1e-10, name + ": coefficients differ by " + Math.sqrt(diff / norm));
            assertEquals(formed.test().all().forceRmse(), chunked.test().all().forceRmse(),
                    1e-10 * formed.test().all().forceRmse(), name);
        }
    }

    /** The error tables come from the caller's evaluator of the fitted coefficients when one is given. */
    @Test
    void errorTablesUseTheGivenEvaluatorOfTheFittedCoefficients() {
        var ref = TestData.morse();
        var basis = new PairPolynomialBasis(TestData.RC, 6, Set.of("W"));
        List<LabelledConfiguration> train = TestData.rattledBcc(ref, 6, 2, 0.15, 500, "bulk");
        List<LabelledConfiguration> test = TestData.rattledBcc(ref, 3, 2, 0.15, 600, "bulk");
        LossWeights w = new LossWeights(50, 10, 1, 0, 0);
        var solver = SolverConfig.defaults("qr").create();
        Fitter.Result plain = Fitter.fit(basis, train, test, w, ReferenceEnergies.none(), Map.of(), List.of(), solver, 2);
        java.util.concurrent.atomic.AtomicReference<double[]> seen = new java.util.concurrent.atomic.AtomicReference<>();
        Fitter.Result given = Fitter.fit(basis, train, test, w, ReferenceEnergies.none(), Map.of(), List.of(), solver, 2,
                LossAssembler.ElasticUnit.GPA, List.of(), Fitter.DESIGN_BYTES, c -> {
                    seen.set(c);
                    return new LinearModel(basis, c, ReferenceEnergies.none());
                });
        assertArrayEquals(given.model().coefficients(), seen.get());
        assertEquals(plain.test().all().forceRmse(), given.test().all().forceRmse(), 0.0);
        assertEquals(plain.train().all().energyRmse(), given.train().all().energyRmse(), 0.0);
        // a different evaluator gives different tables: the evaluator is what is measured
        Fitter.Result halved = Fitter.fit(basis, train, test, w, ReferenceEnergies.none(), Map.of(), List.of(), solver, 2,
                LossAssembler.ElasticUnit.GPA, List.of(), Fitter.DESIGN_BYTES, c -> {
                    double[] h = c.clone();
                    for (int k = 0; k < h.length; k++) {
                        h[k] *= 0.5;
                    }
                    return new LinearModel(basis, h, ReferenceEnergies.none());
                });
        assertTrue(halved.test().all().forceRmse() > 10 * plain.test().all().forceRmse());
    }

    /**
     * The fit frees its design matrix when the solver is done with it: a study fits many multi-GB designs, and
     * left to the garbage collector (which rarely collects a large heap's old generation, where a design that
     * lived through a fit ends up) they added up until the machine ran out of memory (NiAl degree 14, 24 GB).
     */
    @Test
    void theDesignMatrixIsFreedOnceSolved() {
        var ref = TestData.morse();
        List<LabelledConfiguration> train = TestData.rattledBcc(ref, 4, 2, 0.15, 700, "bulk");
        var qr = SolverConfig.defaults("qr").create();
        java.util.List<org.burgers.fitting.solve.LinearSystem> seen = new java.util.ArrayList<>();
        org.burgers.fitting.solve.Solver spy = new org.burgers.fitting.solve.Solver() {
            @Override
            public String name() {
                return "spy";
            }

            @Override
            public org.burgers.fitting.solve.Solution solve(org.burgers.fitting.solve.LinearSystem system) {
                assertTrue(!system.design().wasClosed(), "the solver gets a live design");
                seen.add(system);
                return qr.solve(system);
            }
        };
        Fitter.Result r = Fitter.fit(BASIS, train, List.of(), new LossWeights(50, 10, 1, 0, 0), ReferenceEnergies.none(),
                Map.of(), List.of(), spy, 2);
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).design().wasClosed(), "design freed after the fit");
        assertTrue(seen.get(0).target().wasClosed(), "target freed after the fit");
        assertTrue(r.train().all().forceRmse() >= 0);
        seen.get(0).close();   // closing again is harmless
    }

    /**
     * The mechanism of the must-hold W test on a model we control: an 8-function pair basis fitted to a
     * Morse reference it cannot represent exactly. Paper weights, elastic rows in GPa (the default).
     */
    @Test
    void elasticRowsCutTheMatchingErrorsAtSmallCostInForces() {
        var ref = TestData.morse();
        var basis = new PairPolynomialBasis(TestData.RC, 8, Set.of("W"));
        List<LabelledConfiguration> train = TestData.rattledBcc(ref, 10, 2, 0.15, 300, "bulk");
        List<LabelledConfiguration> test = TestData.rattledBcc(ref, 5, 2, 0.15, 400, "bulk");
        ElasticObservation el = ElasticObservation.of("bcc W", ref, basis, CELL, true);
        Fitter.Result none = fit(basis, train, test, el, new LossWeights(50, 10, 0, 0, 0));
        Fitter.Result cle = fit(basis, train, test, el, new LossWeights(50, 10, 0, 10, 0));
        Fitter.Result all = fit(basis, train, test, el, new LossWeights(50, 10, 0, 10, 1));
        double e1 = none.matching().get(0).eps1V();
        double e2 = none.matching().get(0).eps2V();
        double f = none.test().all().forceRmse();
        for (Fitter.Result r : List.of(none, cle, all)) {
            System.out.printf("pair basis vs Morse: eps1V %.3g GPa (x%.3g less), eps2V %.3g GPa (x%.3g less), "
                    + "test force RMSE %.3f meV/A (x%.2f)%n", r.matching().get(0).eps1V() * 160.2,
                    e1 / r.matching().get(0).eps1V(), r.matching().get(0).eps2V() * 160.2,
                    e2 / r.matching().get(0).eps2V(), r.test().all().forceRmse(), r.test().all().forceRmse() / f);
        }
        assertTrue(e1 / cle.matching().get(0).eps1V() >= 10, "CLE rows: eps1V fell too little");
        assertTrue(cle.test().all().forceRmse() / f < 2, "CLE rows: force RMSE grew too much");
        assertTrue(e1 / all.matching().get(0).eps1V() >= 10, "all rows: eps1V fell too little");
        assertTrue(e2 / all.matching().get(0).eps2V() >= 10, "all rows: eps2V fell too little");
        // with only 8 functions the third-order rows cost force accuracy (measured 3.7x); not asserted < 2x
        assertTrue(all.test().all().forceRmse() / f < 10);
    }

    static Fitter.Result fit(PairPolynomialBasis basis, List<LabelledConfiguration> train,
            List<LabelledConfiguration> test, ElasticObservation el, LossWeights w) {
        return Fitter.fit(basis, train, test, w, ReferenceEnergies.none(), Map.of(), List.of(el),
                SolverConfig.defaults("qr").create(), 2);
    }
}
