package org.burgers.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.simulation.dislocation.DislocationBuilder;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.burgers.simulation.elastic.ElasticConstants;
import org.burgers.simulation.relax.LbfgsRelaxer;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.training.RattledSet;
import org.burgers.core.testing.MorseTestPotential;
import org.burgers.fitting.Fitter;
import org.burgers.fitting.data.DataSets;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.loss.ElasticObservation;
import org.burgers.fitting.loss.LossWeights;
import org.burgers.fitting.solve.SolverConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The must-hold W fit of issue 7 on rattled bcc W (3x3x3 cells, alpha = 0.1 A, 40 train / 15 test), order-3
 * ACE (degree 10, rcut 5.5 A, 110 functions), builtin:W labels, paper weights, QR. The relaxed screw dipole
 * (branch dislocations) is not part of this branch's training set.
 */
@Tag("slow")
class WFitMustHoldTest {

    static List<LabelledConfiguration> set(Potential w, int n, int cells, double alpha, long seed) {
        List<Frame> frames = WTrainingSets.rattled(w, n, cells, alpha, seed, "bulk");
        return java.util.stream.IntStream.range(0, frames.size())
                .mapToObj(i -> DataSets.fromFrame(frames.get(i), "bulk " + i)).toList();
    }

    record Fits(Fitter.Result none, Fitter.Result cle, Fitter.Result all) {
    }

    static Fits fits(Potential ref) {
        List<LabelledConfiguration> train = set(ref, 40, 3, 0.1, 1);
        List<LabelledConfiguration> test = set(ref, 15, 3, 0.1, 1000);
        AceBasis basis = new AceBasis(AceSpec.of(List.of("W"), 3, 10, 5.5, Double.NaN));
        ElasticObservation el = ElasticObservation.of("bcc W", ref, basis, Fixtures.bcc("W", WTrainingSets.A0, 1), true);
        Fits f = new Fits(fit(basis, train, test, el, new LossWeights(50, 10, 0, 0, 0)),
                fit(basis, train, test, el, new LossWeights(50, 10, 0, 10, 0)),
                fit(basis, train, test, el, new LossWeights(50, 10, 0, 10, 1)));
        for (Fitter.Result r : List.of(f.none, f.cle, f.all)) {
            System.out.printf("ACE(3,10) %d functions: test E %.3f meV/atom, F %.2f meV/A (train %.2f); eps1V %.4g GPa,"
                    + " eps2V %.4g GPa; assembly %.2f s, solve %.2f s%n", basis.size(), r.test().all().energyRmse(),
                    r.test().all().forceRmse(), r.train().all().forceRmse(), r.matching().get(0).eps1V() * 160.2177,
                    r.matching().get(0).eps2V() * 160.2177, r.assemblySeconds(), r.solveSeconds());
        }
        return f;
    }

    @Test
    void elasticRowsCutEps1VTenfoldAtLessThanTwiceTheForceError() {
        Fits f = fits(PotentialSpec.parse("builtin:W"));
        double cut = f.none.matching().get(0).eps1V() / f.cle.matching().get(0).eps1V();
        double growth = f.cle.test().all().forceRmse() / f.none.test().all().forceRmse();
        assertTrue(cut >= 10, "CLE rows cut eps1V only " + cut + "x");
        assertTrue(growth < 2, "CLE rows grew the force RMSE " + growth + "x");
        double cutAll = f.none.matching().get(0).eps1V() / f.all.matching().get(0).eps1V();
        double growthAll = f.all.test().all().forceRmse() / f.none.test().all().forceRmse();
        assertTrue(cutAll >= 10, "all elastic rows cut eps1V only " + cutAll + "x");
        assertTrue(growthAll < 2, "all elastic rows grew the force RMSE " + growthAll + "x");
    }

    /** The same pipeline reaches 0.01 meV/A on a smooth pair reference: the fitting stage is not the limit. */
    @Test
    void theSamePipelineFitsASmoothReferenceToMicroElectronvolts() {
        Fits f = fits(new MorseTestPotential(0.9, 1.5, 2.75, 5.5));
        assertTrue(f.none.test().all().forceRmse() < 0.1, "smooth reference: " + f.none.test().all());
    }

    /**
     * The plateau of ~430 meV/A at D = 6..22 came from the pair basis (docs/ace-accuracy.md): the W pair function
     * is a cubic spline with knots 0.065 A apart at 2.565, 2.630, 2.695 A, inside the first-neighbour shell, and a
     * pair basis of degree D = 10..22 cannot resolve it. With the pair degree raised to 120 (the many-body part
     * unchanged) the fit is well below the bound. The solver is the paper's ARD: with 40 cells the few bonds
     * shorter than 2.25 A leave a degree-120 pair polynomial under-determined there, and an unregularised QR
     * solve lets it swing on the test cells that have such a bond (QR at pair degree 80: 110 meV/A RMSE, but
     * 30 meV/A MAE).
     */
    @Test
    void orderThreeAceFitsRattledWBelow50MeVPerAngstrom() {
        Potential w = PotentialSpec.parse("builtin:W");
        List<LabelledConfiguration> train = set(w, 40, 3, 0.1, 1);
        List<LabelledConfiguration> test = set(w, 15, 3, 0.1, 1000);
        for (int degree : new int[] {10, 12}) {
            AceSpec d = AceSpec.of(List.of("W"), 3, degree, 5.5, Double.NaN);
            AceBasis basis = new AceBasis(new AceSpec(d.species(), 3, degree, 5.5, d.r0(), d.wL(), true, 120, 5.5));
            Fitter.Result r = Fitter.fit(basis, train, test, new LossWeights(50, 10, 0, 0, 0),
                    new ReferenceEnergies(Map.of("W", 0.0)), Map.of(), List.of(), SolverConfig.defaults("ard").create(), 2);
            System.out.printf("ACE(3,%d) pair degree 120, %d functions, ARD: test E %.3f meV/atom, F %.2f meV/A"
                    + " (train %.2f)%n", degree, basis.size(), r.test().all().energyRmse(), r.test().all().forceRmse(),
                    r.train().all().forceRmse());
            assertTrue(r.test().all().forceRmse() < 50, "D=" + degree + ": " + r.test().all());
        }
    }

    /**
     * The training set in full: rattled bcc W and a relaxed 1/2<111> screw dipole (rattled the same
     * way), labelled by builtin:W. The dipole cell is the study's training cell (DislocationBuilder at the
     * potential's own a0 and elastic constants), relaxed to 1e-4 eV/A before rattling.
     */
    @Test
    void orderThreeAceFitsRattledBulkAndScrewDipoleBelow50MeVPerAngstrom() {
        Potential w = PotentialSpec.parse("builtin:W");
        DislocationSystem sys = DislocationSystem.W_SCREW;
        ElasticConstants el = ElasticConstants.compute(w, sys.crystal(sys.a0()), false);
        Structure dipole = DislocationBuilder.dipole(sys, el.a0(), el.c(), 6).structure();
        Structure relaxed = new LbfgsRelaxer().relax(dipole, w, RelaxOptions.of(1e-4)).requireConverged().structure();
        List<LabelledConfiguration> train = new java.util.ArrayList<>(set(w, 40, 3, 0.1, 1));
        List<LabelledConfiguration> test = new java.util.ArrayList<>(set(w, 15, 3, 0.1, 1000));
        List<Frame> dTrain = RattledSet.generate(relaxed, w, 20, 0.1, 7, "dipole");
        List<Frame> dTest = RattledSet.generate(relaxed, w, 10, 0.1, 9, "dipole");
        for (int i = 0; i < dTrain.size(); i++) {
            train.add(DataSets.fromFrame(dTrain.get(i), "dipole " + i));
        }
        for (int i = 0; i < dTest.size(); i++) {
            test.add(DataSets.fromFrame(dTest.get(i), "dipole test " + i));
        }
        AceSpec d = AceSpec.of(List.of("W"), 3, 10, 5.5, Double.NaN);
        AceBasis basis = new AceBasis(new AceSpec(d.species(), 3, 10, 5.5, d.r0(), d.wL(), true, 120, 5.5));
        Fitter.Result r = Fitter.fit(basis, train, test, new LossWeights(50, 10, 0, 0, 0),
                new ReferenceEnergies(Map.of("W", 0.0)), Map.of(), List.of(), SolverConfig.defaults("ard").create(), 2);
        System.out.printf("bulk + dipole (%d atoms), ACE(3,10) pair 120, ARD: test F %.2f meV/A (dipole %.2f, bulk %.2f)%n",
                relaxed.size(), r.test().all().forceRmse(), r.test().byConfigType().get("dipole").forceRmse(),
                r.test().byConfigType().get("bulk").forceRmse());
        assertTrue(r.test().all().forceRmse() < 50, r.test().all().toString());
        assertTrue(r.test().byConfigType().get("dipole").forceRmse() < 50, r.test().byConfigType().toString());
    }

    static Fitter.Result fit(AceBasis basis, List<LabelledConfiguration> train, List<LabelledConfiguration> test,
            ElasticObservation el, LossWeights w) {
        return Fitter.fit(basis, train, test, w, new ReferenceEnergies(Map.of("W", 0.0)), Map.of(), List.of(el),
                SolverConfig.defaults("qr").create(), 2);
    }
}
