package org.burgers.simulation.dislocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.burgers.core.InputException;
import org.burgers.core.neighbours.NeighbourList;
import org.junit.jupiter.api.Test;

class LoopBuilderTest {
    static final double A = 3.14339;

    @Test
    void solidAngleJumpsBy4PiAcrossTheDiscAndVanishesFarAway() {
        double[] b = {0, 0, A * Math.sqrt(3) / 2};
        LoopBuilder.LoopField f = new LoopBuilder.LoopField(new double[] {0, 0, 0}, 5, b);
        double above = f.solidAngle(0.3, 1e-7, -0.2);
        double below = f.solidAngle(0.3, -1e-7, -0.2);
        assertEquals(4 * Math.PI, Math.abs(above - below), 1e-5);
        // on the axis: Omega = 2 pi (1 - h / sqrt(h^2 + R_eff^2)) for a disc (polygon area-equivalent radius)
        double h = 3;
        double reff = 5 * Math.sqrt(LoopBuilder.SIDES * Math.sin(2 * Math.PI / LoopBuilder.SIDES) / (2 * Math.PI));
        assertEquals(2 * Math.PI * (1 - h / Math.sqrt(h * h + reff * reff)), Math.abs(f.solidAngle(0, h, 0)), 2e-3);
        // outside the loop, in its plane: zero
        assertEquals(0, f.solidAngle(9, 0, 0), 1e-12);
        assertTrue(Math.abs(f.solidAngle(0, 200, 0)) < 2e-3);
    }

    @Test
    void loopCellIsSaneAndCarriesThePlasticTilt() {
        DislocationConfiguration c = LoopBuilder.loop(DislocationSystem.W_LOOP, A,
                DislocationBuilderTest.W, 8);
        NeighbourList nl = NeighbourList.full(c.structure(), 2.0);
        assertEquals(0, nl.pairs(), "atoms closer than 2 A");
        // beta_zy = +-|b| * disc area / volume
        double[] len = {c.referenceCell()[0], c.referenceCell()[4], c.referenceCell()[8]};
        double r = 8 * A / 4;
        double area = 0.5 * LoopBuilder.SIDES * r * r * Math.sin(2 * Math.PI / LoopBuilder.SIDES);
        assertEquals(A * Math.sqrt(3) / 2 * area / (len[0] * len[1] * len[2]), Math.abs(c.plastic()[7]), 1e-8);   // jump taken 1e-6 A off the disc
        assertEquals(1, c.cores().size());
        assertThrows(InputException.class, () -> LoopBuilder.loop(DislocationSystem.W_LOOP, A,
                DislocationBuilderTest.W, 4));
    }
}
