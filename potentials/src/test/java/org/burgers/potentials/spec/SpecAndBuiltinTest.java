package org.burgers.potentials.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import java.util.Set;
import org.burgers.core.InputException;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.potentials.PotentialFactory;
import org.burgers.potentials.PotentialsModule;
import org.burgers.potentials.eam.EamPotential;
import org.burgers.potentials.pair.LennardJones;
import org.burgers.potentials.pair.SmoothPairPotential;
import org.burgers.potentials.tersoff.TersoffModC;
import org.junit.jupiter.api.Test;

/** Specifications, the builtin potentials and their published numbers, the Guice module. */
class SpecAndBuiltinTest {

    /** Minimises E(a)/N of a 2-atom bcc cell by golden section; returns {a0, E/N}. */
    static double[] bccMinimum(Potential p, String el, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo, b = hi;
        while (b - a > 1e-9) {
            double c = b - g * (b - a), d = a + g * (b - a);
            if (p.energy(Fixtures.bcc(el, c, 1)) < p.energy(Fixtures.bcc(el, d, 1))) {
                b = d;
            } else {
                a = c;
            }
        }
        double a0 = 0.5 * (a + b);
        return new double[] {a0, p.energy(Fixtures.bcc(el, a0, 1)) / 2};
    }

    @Test
    void tungstenLatticeConstantAndCohesiveEnergy() {
        Potential w = PotentialSpec.parse("builtin:W");
        assertTrue(w instanceof EamPotential);
        assertEquals(Set.of("W"), w.species());
        assertEquals(5.5, w.cutoff(), 0);
        double[] m = bccMinimum(w, "W", 3.0, 3.3);
        System.out.printf("builtin:W a0 = %.6f A, E_coh = %.6f eV/atom%n", m[0], m[1]);
        // Marinica et al. 2013 EAM4: a0 = 3.14339 A, cohesive energy 8.9000 eV/atom
        assertEquals(3.14339, m[0], 2e-5);
        assertEquals(-8.9000, m[1], 1e-4);
    }

    @Test
    void builtinsAreTheSharedFiles() {
        Structure s = org.burgers.potentials.Structures.distorted(
                org.burgers.potentials.Structures.diamond("Si", 5.431, 1), 0.05, 0.01, 3);
        Potential builtin = PotentialSpec.parse("builtin:Si");
        Potential file = PotentialSpec.parse("tersoff/mod/c:../shared/potentials/Si.tersoff.modc");
        assertTrue(builtin instanceof TersoffModC);
        assertEquals(file.energy(s), builtin.energy(s), 0);
        Potential nial = PotentialSpec.parse("builtin:NiAl");
        assertEquals(Set.of("Ni", "Al"), nial.species());
        Structure b2 = org.burgers.potentials.Structures.distorted(
                org.burgers.potentials.Structures.b2NiAl(2.87, 2), 0.05, 0.01, 4);
        Potential nialFile = PotentialSpec.parse("eam/alloy:../shared/potentials/NiAl_Mishin_2002.eam.alloy.gz");
        assertEquals(nialFile.energy(b2), nial.energy(b2), 0);
    }

    @Test
    void pairSpecifications() {
        Potential lj = PotentialSpec.parse("lj:0.0104,3.40,8.5");
        assertTrue(lj instanceof SmoothPairPotential);
        assertTrue(((SmoothPairPotential) lj).function() instanceof LennardJones);
        assertTrue(lj.species().contains("Ar") && lj.species().contains("W"));
        assertEquals(Set.of("Ar"), PotentialSpec.parse("lj:0.0104,3.40,8.5,Ar").species());
        // a dimer in a big open box: E = phi_s(r), closed form with the C2 shift at rc
        double eps = 0.0104, sig = 3.40, rc = 8.5, r = 3.9;
        Structure dimer = new Structure(new double[] {0, 0, 0, r, 0, 0},
                new org.burgers.core.structure.Element[] {org.burgers.core.structure.Element.of("Ar"),
                    org.burgers.core.structure.Element.of("Ar")},
                new org.burgers.core.structure.Cell(new double[] {30, 0, 0, 0, 30, 0, 0, 0, 30},
                        new boolean[] {false, false, false}));
        double lj0 = 4 * eps * (Math.pow(sig / r, 12) - Math.pow(sig / r, 6));
        double v0 = 4 * eps * (Math.pow(sig / rc, 12) - Math.pow(sig / rc, 6));
        double v1 = 4 * eps * (-12 * Math.pow(sig / rc, 12) + 6 * Math.pow(sig / rc, 6)) / rc;
        double v2 = 4 * eps * (156 * Math.pow(sig / rc, 12) - 42 * Math.pow(sig / rc, 6)) / (rc * rc);
        double expected = lj0 - v0 - (r - rc) * v1 - 0.5 * (r - rc) * (r - rc) * v2;
        Evaluation e = lj.evaluate(dimer, Request.ALL);
        assertEquals(expected, e.energy(), 1e-15);
        // and nothing at or beyond the cutoff
        Structure far = dimer.withPositions(new double[] {0, 0, 0, rc + 1e-9, 0, 0});
        assertEquals(0.0, lj.energy(far), 0);
    }

    @Test
    void badSpecificationsNameTheProblem() {
        InputException e1 = assertThrows(InputException.class, () -> PotentialSpec.parse("lj:0.01,-3.4,8.5"));
        assertTrue(e1.getMessage().contains("sigma"), e1.getMessage());
        InputException e2 = assertThrows(InputException.class, () -> PotentialSpec.parse("morse:0.5,x,2.8,5"));
        assertTrue(e2.getMessage().contains("alpha"), e2.getMessage());
        InputException e3 = assertThrows(InputException.class, () -> PotentialSpec.parse("builtin:Fe"));
        assertTrue(e3.getMessage().contains("Fe"), e3.getMessage());
        InputException e4 = assertThrows(InputException.class, () -> PotentialSpec.parse("eam/fs:/no/such/file.fs"));
        assertTrue(e4.getMessage().contains("/no/such/file.fs"), e4.getMessage());
        InputException e5 = assertThrows(InputException.class, () -> PotentialSpec.parse("lj:1,2"));
        assertTrue(e5.getMessage().contains("rcut"), e5.getMessage());
    }

    @Test
    void guiceModule() {
        Injector inj = Guice.createInjector(new PotentialsModule("builtin:Si"));
        Potential ref = inj.getInstance(Key.get(Potential.class, Names.named("reference")));
        assertTrue(ref instanceof TersoffModC);
        assertTrue(ref == inj.getInstance(Key.get(Potential.class, Names.named("reference"))));
        PotentialFactory f = Guice.createInjector(new PotentialsModule()).getInstance(PotentialFactory.class);
        assertEquals(Set.of("Ar"), f.create("morse:0.3,1.2,3.8,7.0,Ar").species());
    }
}
