package org.burgers.potentials;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.FiniteDifferences;
import org.burgers.core.testing.Fixtures;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every potential against finite differences (forces, virial, Hessian) and under rotation, translation,
 * permutation and re-wrapping, on small distorted periodic cells.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferencePotentialsCheckTest {

    Stream<Arguments> cases() {
        Potential w = PotentialSpec.parse("builtin:W");
        Potential nial = PotentialSpec.parse("builtin:NiAl");
        Potential si = PotentialSpec.parse("builtin:Si");
        Potential sw = PotentialSpec.parse("sw:potentials/src/test/resources/org/burgers/potentials/Si.sw");
        Potential lj = PotentialSpec.parse("lj:0.0104,3.40,8.5");
        Potential morse = PotentialSpec.parse("morse:0.5,1.4,2.8,5.5");
        Structure ws = Structures.distorted(Structures.bccW(2), 0.08, 0.02, 101);
        Structure ns = Structures.distorted(Structures.b2NiAl(2.88, 2), 0.08, 0.02, 102);
        Structure ss = Structures.distorted(Structures.diamond("Si", 5.431, 1), 0.08, 0.02, 103);
        Structure ar = Structures.distorted(Fixtures.fcc("Ar", 5.26, 2), 0.08, 0.02, 104);
        Structure cu = Structures.distorted(Fixtures.fcc("Cu", 3.61, 2), 0.08, 0.02, 105);
        // the FD Hessian tolerance: EAM splines have second derivatives that jump at the knots (C1 cubics),
        // so the analytic Hessian is compared with a step far below the knot spacing
        return Stream.of(
                Arguments.of("W eam/fs", w, ws, 1e-6, 2e-6),
                Arguments.of("NiAl eam/alloy", nial, ns, 1e-6, 2e-6),
                Arguments.of("Si tersoff/mod/c", si, ss, 1e-5, 1e-7),
                Arguments.of("Si sw", sw, ss, 1e-5, 1e-7),
                Arguments.of("Ar lj", lj, ar, 1e-5, 1e-6),
                Arguments.of("Cu morse", morse, cu, 1e-5, 1e-6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void finiteDifferences(String name, Potential p, Structure s, double h, double tolH) {
        double ef = FiniteDifferences.forceError(p, s, 1e-5, 8);
        double ew = FiniteDifferences.virialError(p, s, 1e-6);
        double eh = FiniteDifferences.hessianError(p, s, h, s.size());   // every row
        double es = FiniteDifferences.siteEnergySumError(p, s);
        System.out.printf("%s: FD force %.2e eV/A, virial %.2e eV, Hessian %.2e eV/A^2, site sum %.2e eV%n",
                name, ef, ew, eh, es);
        // central differences with h = 1e-5: truncation h^2 |E'''| ~ 1e-9, round-off 1e-16 |E| / h ~ 1e-9
        assertTrue(ef < 1e-6, name + " force error " + ef);
        assertTrue(ew < 1e-5, name + " virial error " + ew);
        assertTrue(eh < tolH, name + " Hessian error " + eh);
        assertTrue(es < 1e-10, name + " site energies do not sum to the energy: " + es);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void invariances(String name, Potential p, Structure s, double h, double tolH) {
        double rot = Invariance.rotation(p, s, 7);
        double tr = Invariance.translation(p, s, new double[] {0.37, -1.3, 2.9});
        double perm = Invariance.permutation(p, s, 8);
        double wrap = Invariance.rewrap(p, s);
        System.out.printf("%s: rotation %.2e, translation %.2e, permutation %.2e, re-wrap %.2e%n", name, rot, tr,
                perm, wrap);
        assertTrue(rot < 1e-9, name + " rotation " + rot);
        assertTrue(tr < 1e-9, name + " translation " + tr);
        assertTrue(perm < 1e-9, name + " permutation " + perm);
        assertTrue(wrap < 1e-9, name + " re-wrap " + wrap);
    }
}
