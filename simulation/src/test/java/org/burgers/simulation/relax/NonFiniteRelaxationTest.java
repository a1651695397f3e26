package org.burgers.simulation.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.MorseTestPotential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fitted model without a repulsive core can pull atoms onto each other, where it is not finite (a fitted
 * Si model did so relaxing the N = 100 r0 quadrupole). The relaxation must then end unconverged at its last
 * finite point and say which atoms met, not throw from the middle of a line search or return a NaN.
 */
class NonFiniteRelaxationTest {
    static final double HOLE = 1.0;

    /** The Morse well turned upside down (attractive all the way in), undefined closer than HOLE. */
    static final class Collapsing implements Potential {
        private final MorseTestPotential inner = new MorseTestPotential(-0.3429, 1.3588, 2.866, 6.0);

        @Override
        public double cutoff() {
            return inner.cutoff();
        }

        @Override
        public Set<String> species() {
            return inner.species();
        }

        @Override
        public boolean wantsHalfList() {
            return inner.wantsHalfList();
        }

        @Override
        public Evaluation evaluate(Structure s, NeighbourList nl, Request req) {
            for (int p = 0; p < nl.pairs(); p++) {
                double r = Math.sqrt(nl.dx(p) * nl.dx(p) + nl.dy(p) * nl.dy(p) + nl.dz(p) * nl.dz(p));
                if (r < HOLE) {
                    return Evaluation.energyOnly(Double.NaN);   // throws, as Evaluation does for any NaN energy
                }
            }
            return inner.evaluate(s, nl, req);
        }
    }

    static Structure dimer(double r) {
        Element cu = Element.of("Cu");
        return new Structure(new double[] {5, 10, 10, 5 + r, 10, 10}, new Element[] {cu, cu},
                Cell.orthorhombic(20, 20, 20));
    }

    static double distance(Structure s) {
        double[] x = s.positions();
        return Math.sqrt(Math.pow(x[3] - x[0], 2) + Math.pow(x[4] - x[1], 2) + Math.pow(x[5] - x[2], 2));
    }

    @ParameterizedTest
    @EnumSource(value = RelaxMethod.class, names = {"LBFGS", "FIRE"})
    void aCollapseEndsUnconvergedAtTheLastFinitePointNamingTheAtoms(RelaxMethod method) {
        RelaxResult r = method.create().relax(dimer(2.0), new Collapsing(), RelaxOptions.of(1e-4).withMaxSteps(300));
        assertFalse(r.converged(), r.toString());
        assertTrue(Double.isFinite(r.energy()) && Double.isFinite(r.fmax()), r.toString());
        double d = distance(r.structure());
        assertTrue(d >= HOLE && d < 2.0, "ends between the hole and the start, at " + d);
        assertNotNull(r.message());
        assertTrue(r.message().contains("closest atoms 0 and 1"), r.message());
        assertTrue(r.message().contains("non-finite energy"), r.message());
    }

    @Test
    void aStructureThatIsNotFiniteAtTheStartIsAnErrorNamingTheAtoms() {
        NonFiniteEvaluationException e = assertThrows(NonFiniteEvaluationException.class,
                () -> RelaxMethod.LBFGS.create().relax(dimer(0.5), new Collapsing(), RelaxOptions.of(1e-4)));
        assertTrue(e.getMessage().contains("closest atoms 0 and 1, 0.5000 A apart"), e.getMessage());
    }

    @Test
    void aTrialWithTwoAtomsAtOnePlaceIsAStepTooLongNotBadInput() {
        AtomsObjective obj = new AtomsObjective(dimer(2.0), new Collapsing(), RelaxOptions.of(1e-4));
        double[] g = new double[6];
        assertTrue(Double.isFinite(obj.evaluate(obj.start(), g)));
        NonFiniteEvaluationException e = assertThrows(NonFiniteEvaluationException.class,
                () -> obj.evaluate(new double[] {5, 10, 10, 5, 10, 10}, g));
        assertTrue(e.getMessage().contains("atoms 0 and 1 are at the same position"), e.getMessage());
    }

    @Test
    void aCollapseSeenByThePreconditionerEndsTheRunUnconverged() {
        // the preconditioner builds its own neighbour list at each accepted point: there a collapse shows as
        // two atoms at one place; the run must end at that point, not throw it out as bad input
        Preconditioner collapsing = new Preconditioner() {
            int updates;

            @Override
            public boolean update(Objective objective, double[] x, double[] gradient) {
                if (++updates == 3) {
                    throw new org.burgers.core.neighbours.CoincidentAtomsException(3, 7, 0.0);
                }
                return false;
            }

            @Override
            public void solve(double[] r, double[] z) {
                System.arraycopy(r, 0, z, 0, r.length);
            }

            @Override
            public int forceCalls() {
                return 0;
            }
        };
        Structure start = org.burgers.core.testing.Fixtures.rattle(
                org.burgers.core.testing.Fixtures.fcc("Cu", RelaxerTest.A_CU, 2), 0.1, 5);
        AtomsObjective obj = new AtomsObjective(start, RelaxerTest.CU, RelaxOptions.of(1e-10));
        RelaxResult r = new LbfgsRelaxer().run(obj, collapsing, RelaxOptions.of(1e-10), null);
        assertFalse(r.converged());
        assertEquals(2, r.iterations(), "ends at the second accepted point");
        assertTrue(r.message().startsWith("at iteration 2: atoms 3 and 7 are at the same position"), r.message());
        assertTrue(Double.isFinite(r.energy()) && r.structure() != null);
    }

    /** One unknown, e = (x - 0.4)^2, undefined beyond x = 0.6: the unit step from 0 lands there. */
    static final class Wall implements Objective {
        double x;
        int calls;

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double[] start() {
            return new double[] {0};
        }

        @Override
        public double evaluate(double[] v, double[] grad) {
            calls++;
            if (v[0] > 0.6) {
                throw new NonFiniteEvaluationException("potential returned a non-finite energy NaN", null);
            }
            x = v[0];
            grad[0] = 2 * (v[0] - 0.4);
            return (v[0] - 0.4) * (v[0] - 0.4);
        }

        @Override
        public double maxForce() {
            return Math.abs(2 * (x - 0.4));
        }

        @Override
        public double maxStress() {
            return Double.NaN;
        }

        @Override
        public boolean converged() {
            return false;
        }

        @Override
        public Structure structure() {
            return null;
        }

        @Override
        public int forceCalls() {
            return calls;
        }

        @Override
        public int atomDimension() {
            return 1;
        }
    }

    @Test
    void theLineSearchTakesANonFiniteTrialAsAStepTooLong() {
        Wall w = new Wall();
        double[] x = {0}, g = {-0.8}, d = {1}, xNew = new double[1], gNew = new double[1];
        LineSearch.Step s = LineSearch.search(w, x, 0.16, g, d, xNew, gNew, 30);
        assertEquals(0.1, s.t(), 1e-15, "a tenth of the rejected unit step");
        assertEquals(0.09, s.energy(), 1e-15);
        assertEquals(2, s.trials());
        assertEquals(0.1, xNew[0], 1e-15);
        assertTrue(s.nonFinite().contains("no two atoms within the cutoff"), s.nonFinite());
    }
}
