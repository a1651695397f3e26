package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.stencil.Stencil;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The error measures of the study against their definitions. */
class DislocationErrorsTest {

    /**
     * The per-element perfect-crystal site energies summed over the atoms equal the energy (A.4) of the
     * perfect lattice on the same sites in the same (perfect) cell, computed directly; and the predictor's
     * energy relative to it is positive (dislocations cost energy).
     */
    @ParameterizedTest
    @CsvSource({"w-screw, 5", "si-edge, 5", "nial-screw, 5"})
    void perfectEnergyIsTheEnergyOfThePerfectLatticeOnTheSameSites(String system, double size) {
        DislocationSystem sys = DislocationSystem.named(system);
        Potential p = PotentialSpec.parse(sys.potential());
        PredictorFactory f = new PredictorFactory(sys, p);
        DislocationConfiguration q = f.quadrupole(size);
        Structure perfect = DislocationErrors.referenceLattice(q);
        Map<String, Double> site = DislocationErrors.perfectSiteEnergies(p, DislocationErrors.crystal(q));
        double direct = p.energy(perfect);
        double summed = DislocationErrors.perfectEnergy(q.structure(), site);
        assertEquals(direct, summed, 1e-9 * Math.abs(direct), system);
        double rel = DislocationErrors.relativeEnergy(p, q.structure(), DislocationErrors.crystal(q));
        assertTrue(rel > 0, system + ": predictor energy above the perfect lattice, got " + rel);
    }

    /** Zero for identical configurations, blind to a rigid translation, and the l2 norm of a displaced site. */
    @ParameterizedTest
    @CsvSource({"w-screw, 5", "nial-screw, 5"})
    void geometryErrorIsTheStencilNormOfTheDifference(String system, double size) {
        DislocationSystem sys = DislocationSystem.named(system);
        DislocationConfiguration q = new PredictorFactory(sys, PotentialSpec.parse(sys.potential())).quadrupole(size);
        Stencil st = DislocationErrors.stencil(q);
        Structure y = q.structure();
        assertEquals(0, DislocationErrors.geometryError(st, y, y), 0);
        double[] x = y.positions();
        for (int i = 0; i < y.size(); i++) {
            x[3 * i] += 0.3;
            x[3 * i + 1] -= 0.2;
            x[3 * i + 2] += 0.1;
        }
        assertEquals(0, DislocationErrors.geometryError(st, y, y.withPositions(x)), 1e-10);
        // one atom moved by d: it enters its own |Dv|_N^2 once per neighbour that is another atom (the cell is
        // one period thick along the line, so two of the 14 bcc neighbours are the atom's own images, whose
        // differences vanish), and each such neighbour's once (the stencil is symmetric): 2 k |d|^2
        double[] z = y.positions();
        double d = 0.05;
        z[0] += d;
        int others = 0;
        for (int k = 0; k < st.count(0); k++) {
            others += st.neighbour(0, k) != 0 ? 1 : 0;
        }
        double e = DislocationErrors.geometryError(st, y, y.withPositions(z));
        assertEquals(Math.sqrt(2.0 * others) * d, e, 1e-12);
        assertEquals(sys.lattice().equals("bcc") || sys.lattice().equals("b2") ? 14 : st.count(0), st.count(0));
    }

    /**
     * The far field holds exactly the sites farther than the radius from every core in the plane normal to
     * the line, checked against a brute-force distance over the nearest periodic images of each core; radius 0
     * keeps every site, a radius larger than the cell none; and the far-field error is part of the whole.
     */
    @ParameterizedTest
    @CsvSource({"w-screw, 12, 5.5", "si-edge, 6, 3.6", "nial-screw, 10, 5.5"})
    void farFieldIsTheSitesBeyondTheRadiusOfEveryCore(String system, double size, double radius) {
        DislocationSystem sys = DislocationSystem.named(system);
        DislocationConfiguration q = new PredictorFactory(sys, PotentialSpec.parse(sys.potential())).quadrupole(size);
        Structure lattice = DislocationErrors.referenceLattice(q);
        double[] c = q.referenceCell();
        double[] x = lattice.positionsView();
        java.util.Set<Integer> far = new java.util.HashSet<>();
        for (int i : DislocationErrors.farFieldSites(q, radius)) {
            far.add(i);
        }
        assertTrue(far.size() > 0 && far.size() < lattice.size(), system + ": " + far.size());
        for (int i = 0; i < lattice.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (var core : q.cores()) {
                for (int a = -2; a <= 2; a++) {
                    for (int b = -2; b <= 2; b++) {
                        // the line is along z in every system's frame, so the in-plane distance is (x, y)
                        double dx = x[3 * i] - core.position()[0] + a * c[0] + b * c[3];
                        double dy = x[3 * i + 1] - core.position()[1] + a * c[1] + b * c[4];
                        best = Math.min(best, Math.hypot(dx, dy));
                    }
                }
            }
            assertEquals(best > radius, far.contains(i), system + " site " + i + " at " + best + " A");
        }
        assertEquals(lattice.size(), DislocationErrors.farFieldSites(q, 0).length);
        assertEquals(0, DislocationErrors.farFieldSites(q, 1e3).length);
        Structure y = q.structure();
        double[] z = y.positions();
        java.util.Random rnd = new java.util.Random(7);
        for (int k = 0; k < z.length; k++) {
            z[k] += 0.05 * rnd.nextGaussian();
        }
        Stencil st = DislocationErrors.stencil(q);
        int[] sites = DislocationErrors.farFieldSites(q, radius);
        double whole = DislocationErrors.geometryError(st, y, y.withPositions(z));
        double part = org.burgers.core.stencil.GeometryError.of(st, y, y.withPositions(z), sites);
        assertTrue(part > 0 && part < whole, part + " vs " + whole);
    }
}
