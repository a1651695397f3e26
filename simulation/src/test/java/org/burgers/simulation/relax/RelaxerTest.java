package org.burgers.simulation.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.burgers.core.InputException;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;
import org.burgers.simulation.SimulationModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RelaxerTest {
    /** Girifalco-Weber Morse parameters of Cu (Phys. Rev. 114, 687 (1959)), with the test cutoff. */
    static final MorseTestPotential CU = new MorseTestPotential(0.3429, 1.3588, 2.866, 6.0);
    static final double A_CU = 3.61;

    /** Largest distance of an atom from its perfect site after removing the mean translation. */
    static double distanceFromLattice(Structure relaxed, Structure perfect) {
        double[] x = relaxed.positions(), p = perfect.positions();
        double[] mean = new double[3];
        for (int k = 0; k < x.length; k++) {
            mean[k % 3] += (x[k] - p[k]) / relaxed.size();
        }
        double worst = 0;
        for (int k = 0; k < x.length; k++) {
            worst = Math.max(worst, Math.abs(x[k] - p[k] - mean[k % 3]));
        }
        return worst;
    }

    @ParameterizedTest
    @EnumSource(RelaxMethod.class)
    void rattledCrystalRelaxesBackToThePerfectLattice(RelaxMethod method) {
        Structure perfect = Fixtures.fcc("Cu", A_CU, 3);
        Structure start = Fixtures.rattle(perfect, 0.1, 7);
        RelaxResult r = method.create().relax(start, CU, RelaxOptions.of(1e-8));
        assertTrue(r.converged(), r.toString());
        assertTrue(r.fmax() < 1e-8);
        assertEquals(CU.evaluate(r.structure(), Request.FORCES).maxForceComponent(), r.fmax(), 1e-12);  // Verlet list vs fresh list: summation order only
        double e0 = CU.energy(perfect);
        assertEquals(e0, r.energy(), 1e-9 * Math.abs(e0));
        assertTrue(distanceFromLattice(r.structure(), perfect) < 1e-6, "back on the lattice");
        assertTrue(r.forceCalls() >= r.iterations());
    }

    @ParameterizedTest
    @EnumSource(RelaxMethod.class)
    void vacancyRelaxesAndLowersTheEnergy(RelaxMethod method) {
        Structure perfect = Fixtures.fcc("Cu", A_CU, 3);
        double[] x = perfect.positions();
        double[] y = new double[x.length - 3];
        System.arraycopy(x, 3, y, 0, y.length);
        Element[] el = new Element[perfect.size() - 1];
        java.util.Arrays.fill(el, Element.of("Cu"));
        Structure vac = new Structure(y, el, perfect.cell());
        double eUnrelaxed = CU.energy(vac);
        RelaxResult r = method.create().relax(Fixtures.rattle(vac, 0.05, 3), CU, RelaxOptions.of(1e-6));
        assertTrue(r.converged(), r.toString());
        assertTrue(r.energy() < eUnrelaxed, "relaxation around the vacancy lowers the energy");
    }

    @Test
    void allMethodsFindTheSameVacancyMinimum() {
        Structure perfect = Fixtures.fcc("Cu", A_CU, 3);
        double[] x = perfect.positions();
        double[] y = java.util.Arrays.copyOfRange(x, 3, x.length);
        Element[] el = new Element[perfect.size() - 1];
        java.util.Arrays.fill(el, Element.of("Cu"));
        Structure vac = new Structure(y, el, perfect.cell());
        double[] e = new double[3];
        int k = 0;
        for (RelaxMethod m : RelaxMethod.values()) {
            e[k++] = m.create().relax(vac, CU, RelaxOptions.of(1e-9)).requireConverged().energy();
        }
        assertEquals(e[0], e[1], 1e-10);
        assertEquals(e[0], e[2], 1e-10);
    }

    @ParameterizedTest
    @EnumSource(RelaxMethod.class)
    void aRelaxationOutOfBudgetSaysSo(RelaxMethod method) {
        Structure start = Fixtures.rattle(Fixtures.fcc("Cu", A_CU, 3), 0.1, 7);
        RelaxResult r = method.create().relax(start, CU, RelaxOptions.of(1e-8).withMaxSteps(3));
        assertFalse(r.converged());
        assertEquals(3, r.iterations());
        assertTrue(r.fmax() > 1e-8);
        assertTrue(r.message().contains("budget"), r.message());
        IllegalStateException ex = assertThrows(IllegalStateException.class, r::requireConverged);
        assertTrue(ex.getMessage().contains("did not converge"));
    }

    @Test
    void badOptionsAndSpeciesAreInputErrors() {
        InputException e = assertThrows(InputException.class, () -> RelaxOptions.of(0));
        assertTrue(e.getMessage().contains("fmax"), e.getMessage());
        assertThrows(InputException.class, () -> RelaxOptions.of(-1e-3));
        assertThrows(InputException.class, () -> RelaxOptions.of(Double.NaN));
        Structure au = Fixtures.fcc("Au", 4.08, 2);
        e = assertThrows(InputException.class, () -> new LbfgsRelaxer().relax(au, CU, RelaxOptions.of(1e-3)));
        assertTrue(e.getMessage().contains("Au"), e.getMessage());
        assertThrows(InputException.class, () -> RelaxMethod.parse("bfgs"));
    }

    /** E(a) per atom of the perfect fcc crystal minimised by golden section: an independent lattice constant. */
    static double goldenSectionA0(double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo, b = hi;
        while (b - a > 1e-9) {
            double c = b - g * (b - a), d = a + g * (b - a);
            if (CU.energy(Fixtures.fcc("Cu", c, 2)) < CU.energy(Fixtures.fcc("Cu", d, 2))) {
                b = d;
            } else {
                a = c;
            }
        }
        return 0.5 * (a + b);
    }

    @ParameterizedTest
    @EnumSource(RelaxMethod.class)
    void cellRelaxationFindsTheZeroStressLatticeConstant(RelaxMethod method) {
        double a0 = goldenSectionA0(3.3, 3.9);
        Structure start = Fixtures.rattle(Fixtures.fcc("Cu", 3.5, 2), 0.02, 1);
        RelaxResult r = method.create().relax(start, CU, RelaxOptions.of(1e-7).withCell(1e-8));
        assertTrue(r.converged(), r.toString());
        assertTrue(r.maxStress() < 1e-8);
        double[] stress = CU.evaluate(r.structure(), Request.FORCES).stress(r.structure().cell().volume());
        for (double s : stress) {
            assertTrue(Math.abs(s) < 1e-8);
        }
        double a = Math.cbrt(r.structure().cell().volume() / 8);
        assertEquals(a0, a, 1e-6);
    }

    @Test
    void guiceBindsARelaxerAndEveryMethod() {
        Injector inj = Guice.createInjector(new SimulationModule());
        Relaxer r = inj.getInstance(Relaxer.class);
        assertEquals("lbfgs", r.name());
        Map<RelaxMethod, Relaxer> all = inj.getInstance(Key.get(new TypeLiteral<Map<RelaxMethod, Relaxer>>() { }));
        assertEquals(3, all.size());
        assertEquals("fire", all.get(RelaxMethod.FIRE).name());
        assertSame(r, inj.getInstance(Relaxer.class));
        assertEquals("precon-lbfgs", Guice.createInjector(new SimulationModule(RelaxMethod.PRECON_LBFGS))
                .getInstance(Relaxer.class).name());
    }
}
