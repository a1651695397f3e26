package org.burgers.ace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.ace.coupling.CouplingCoefficients;
import org.junit.jupiter.api.Test;

/**
 * Number of independent invariants per l tuple against counts known independently: for distinct one-particle
 * functions, the number of intermediate couplings (Bachmayr et al. 2022, Prop. 7); for identical ones, the
 * classical invariant theory of a vector (l = 1) and of a traceless symmetric matrix (l = 2).
 */
class CouplingRankTest {
    private final CouplingCoefficients cc = new CouplingCoefficients();

    private int rank(int[] l, int[] classes) {
        return cc.invariants(l, classes).rank();
    }

    @Test
    void distinctFunctionsHaveOneInvariantPerIntermediateCoupling() {
        int[] distinct4 = {0, 1, 2, 3};
        assertEquals(3, rank(new int[] {1, 1, 1, 1}, distinct4));     // L = 0, 1, 2
        assertEquals(5, rank(new int[] {2, 2, 2, 2}, distinct4));     // L = 0..4
        assertEquals(3, rank(new int[] {1, 2, 2, 3}, distinct4));     // L = 1..3
        assertEquals(1, rank(new int[] {0, 2, 2, 2}, distinct4));
        assertEquals(0, rank(new int[] {1, 1, 1, 2}, distinct4));     // odd sum: pseudo-scalars only
        assertEquals(1, rank(new int[] {1, 2, 3}, new int[] {0, 1, 2}));
        assertEquals(0, rank(new int[] {1, 1, 3}, new int[] {0, 1, 2})); // not a triangle
        assertEquals(1, rank(new int[] {3, 3}, new int[] {0, 1}));
        assertEquals(0, rank(new int[] {2, 3}, new int[] {0, 1}));
    }

    @Test
    void identicalFunctionsKeepOnlySymmetricInvariants() {
        // a vector v: degree-4 invariants of v (x) v (x) v (x) v symmetric: only (v.v)^2
        assertEquals(1, rank(new int[] {1, 1, 1, 1}, new int[] {0, 0, 0, 0}));
        // two identical pairs (u, u, w, w): (u.u)(w.w), (u.w)^2
        assertEquals(2, rank(new int[] {1, 1, 1, 1}, new int[] {0, 0, 1, 1}));
        // traceless symmetric 3x3 M: tr M^2, tr M^3 and (Cayley-Hamilton) only (tr M^2)^2 at degree 4
        assertEquals(1, rank(new int[] {2, 2}, new int[] {0, 0}));
        assertEquals(1, rank(new int[] {2, 2, 2}, new int[] {0, 0, 0}));
        assertEquals(1, rank(new int[] {2, 2, 2, 2}, new int[] {0, 0, 0, 0}));
        // (u, u, w) with l = 1: the only candidate u.(u x w) is odd
        assertEquals(0, rank(new int[] {1, 1, 1}, new int[] {0, 0, 1}));
    }

    @Test
    void withoutPairBasisOrderOneFunctionsAreTheRadialFunctions() {
        AceSpec s = new AceSpec(List.of("W"), 2, 6, 5.5, 2.74, 1.5, false, 0, 0);
        AceBasis b = new AceBasis(s);
        assertEquals(6, b.countsByOrder().get("1"));
        assertEquals(11, b.countsByOrder().get("2"));
        assertEquals(17, b.size());
    }
}
