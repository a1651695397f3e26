package org.burgers.potentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.neighbours.VerletList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.potentials.eam.EamFileReader;
import org.burgers.potentials.eam.EamPotential;
import org.burgers.potentials.spec.Builtin;
import org.burgers.potentials.tersoff.TersoffModCReader;
import org.junit.jupiter.api.Test;

/** Parallel kernels give the serial numbers bit for bit; a Verlet list with a skin gives the same numbers. */
class DeterminismTest {

    static void assertSame(Evaluation a, Evaluation b) {
        assertEquals(a.energy(), b.energy(), 0);
        assertArrayEquals(a.forces(), b.forces(), 0);
        assertArrayEquals(a.virial(), b.virial(), 0);
        assertArrayEquals(a.siteEnergies(), b.siteEnergies(), 0);
    }

    @Test
    void testSizesReallyFork() {
        org.junit.jupiter.api.Assertions.assertTrue(Chunks.partition(true, 2662).parallel() && Chunks.partition(true, 2744).parallel());
    }

    @Test
    void eamParallelEqualsSerialBitForBit() {
        var t = EamFileReader.finnisSinclair(Builtin.W.open());
        Structure s = Structures.distorted(Structures.bccW(11), 0.1, 0.02, 5);   // 2662 atoms: above the fork threshold
        assertSame(new EamPotential(t, false).evaluate(s, Request.ALL), new EamPotential(t, true).evaluate(s, Request.ALL));
    }

    @Test
    void tersoffParallelEqualsSerialBitForBit() {
        var serial = TersoffModCReader.read(Builtin.Si.open());
        var par = new org.burgers.potentials.tersoff.TersoffModC("x", java.util.List.of("Si"), params(serial), true);
        var ser = new org.burgers.potentials.tersoff.TersoffModC("x", java.util.List.of("Si"), params(serial), false);
        Structure s = Structures.distorted(Structures.diamond("Si", 5.431, 7), 0.1, 0.02, 6);   // 2744 atoms
        assertSame(ser.evaluate(s, Request.ALL), par.evaluate(s, Request.ALL));
    }

    private static org.burgers.potentials.tersoff.TersoffModCParameters[] params(
            org.burgers.potentials.tersoff.TersoffModC p) {
        return new org.burgers.potentials.tersoff.TersoffModCParameters[] {p.parameters(0, 0, 0)};
    }

    @Test
    void verletListWithSkinGivesTheSameNumbers() {
        Potential w = new EamPotential(EamFileReader.finnisSinclair(Builtin.W.open()));
        Structure s = Structures.distorted(Structures.bccW(3), 0.1, 0.02, 7);
        VerletList v = new VerletList(w.cutoff(), 0.5, true);
        NeighbourList withSkin = v.update(s);
        Evaluation a = w.evaluate(s, withSkin, Request.ALL);
        Evaluation b = w.evaluate(s, Request.ALL);
        assertEquals(b.energy(), a.energy(), 1e-10);
        for (int k = 0; k < a.forces().length; k++) {
            assertEquals(b.forces()[k], a.forces()[k], 1e-11);
        }
    }
}
