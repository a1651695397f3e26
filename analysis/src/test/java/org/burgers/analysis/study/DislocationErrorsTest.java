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

    /**
     * The far field of the prismatic loop (diameter 7 r0 in a 12 r0 cell) holds exactly the sites farther than
     * the radius from the loop line, checked by brute force against 2,000 points on the loop's circle and the
     * 27 nearest periodic images; the line's neighbourhood is a torus, so the far field shrinks as the radius
     * grows and is every site at radius 0.
     */
    @org.junit.jupiter.api.Test
    void loopFarFieldIsTheSitesBeyondTheRadiusOfTheLoopLine() {
        LoopConfigurationFactory f = new LoopConfigurationFactory(PotentialSpec.parse("builtin:W"));
        double diameter = 7, radius = 5.5;
        DislocationConfiguration loop = f.simulation(12, diameter);
        double loopRadius = diameter * f.a0() / 2;
        Structure lattice = DislocationErrors.referenceLattice(loop);
        double[] c = loop.referenceCell();
        double[] x = lattice.positionsView();
        double[] p = loop.cores().get(0).position();
        double[] b = loop.cores().get(0).burgers();
        double bn = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
        double[] n = {b[0] / bn, b[1] / bn, b[2] / bn};
        // two unit vectors spanning the habit plane
        double[] u = Math.abs(n[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
        double un = u[0] * n[0] + u[1] * n[1] + u[2] * n[2];
        for (int k = 0; k < 3; k++) {
            u[k] -= un * n[k];
        }
        double ul = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        for (int k = 0; k < 3; k++) {
            u[k] /= ul;
        }
        double[] v = {n[1] * u[2] - n[2] * u[1], n[2] * u[0] - n[0] * u[2], n[0] * u[1] - n[1] * u[0]};
        int m = 2000;
        java.util.Set<Integer> far = new java.util.HashSet<>();
        for (int i : DislocationErrors.loopFarFieldSites(loop, radius, loopRadius)) {
            far.add(i);
        }
        assertTrue(far.size() > lattice.size() / 2 && far.size() < lattice.size(), far.size() + " of " + lattice.size());
        int checked = 0;
        for (int i = 0; i < lattice.size(); i += 3) {
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < m; t++) {
                double phi = 2 * Math.PI * t / m;
                double qx = p[0] + loopRadius * (Math.cos(phi) * u[0] + Math.sin(phi) * v[0]);
                double qy = p[1] + loopRadius * (Math.cos(phi) * u[1] + Math.sin(phi) * v[1]);
                double qz = p[2] + loopRadius * (Math.cos(phi) * u[2] + Math.sin(phi) * v[2]);
                for (int a = -1; a <= 1; a++) {
                    for (int bb = -1; bb <= 1; bb++) {
                        for (int cc = -1; cc <= 1; cc++) {
                            double dx = x[3 * i] - qx + a * c[0] + bb * c[3] + cc * c[6];
                            double dy = x[3 * i + 1] - qy + a * c[1] + bb * c[4] + cc * c[7];
                            double dz = x[3 * i + 2] - qz + a * c[2] + bb * c[5] + cc * c[8];
                            best = Math.min(best, dx * dx + dy * dy + dz * dz);
                        }
                    }
                }
            }
            best = Math.sqrt(best);
            // the 2,000-point polygon is within loopRadius (1 - cos(pi / m)) = 3e-5 A of the circle
            if (Math.abs(best - radius) > 1e-4) {
                assertEquals(best > radius, far.contains(i), "site " + i + " at " + best + " A from the loop line");
                checked++;
            }
        }
        assertTrue(checked > lattice.size() / 4, "checked " + checked);
        assertEquals(lattice.size(), DislocationErrors.loopFarFieldSites(loop, 1e-9, loopRadius).length);
        assertTrue(DislocationErrors.loopFarFieldSites(loop, 8, loopRadius).length < far.size());
    }
}
