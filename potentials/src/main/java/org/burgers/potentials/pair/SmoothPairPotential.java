package org.burgers.potentials.pair;

import java.util.Set;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.BlockHessian;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;

/**
 * A pair potential E = sum_{i<j} phi_s(r_ij) made smooth at the cutoff by subtracting the second-order
 * Taylor polynomial of phi at rc: phi_s(r) = phi(r) - phi(rc) - (r - rc) phi'(rc) - (r - rc)^2 phi''(rc)/2
 * for r &lt; rc, 0 beyond. phi_s, its force and its Hessian are then continuous at rc (a C2 cutoff, the
 * second-order extension of the usual "shifted force" potential). Any element; analytic Hessian.
 */
public final class SmoothPairPotential implements Potential {
    private final PairFunction phi;
    private final double rc;
    private final double v0;
    private final double v1;
    private final double v2;
    private final Set<String> species;

    public SmoothPairPotential(PairFunction phi, double rc, Set<String> species) {
        this.phi = phi;
        this.rc = rc;
        this.species = Set.copyOf(species);
        double[] t = new double[3];
        phi.eval(rc, t);
        this.v0 = t[0];
        this.v1 = t[1];
        this.v2 = t[2];
    }

    public PairFunction function() {
        return phi;
    }

    @Override
    public double cutoff() {
        return rc;
    }

    @Override
    public Set<String> species() {
        return species;
    }

    @Override
    public boolean wantsHalfList() {
        return true;
    }

    /** phi_s, phi_s', phi_s'' at r &lt; rc. */
    public void smooth(double r, double[] out) {
        phi.eval(r, out);
        double x = r - rc;
        out[0] -= v0 + x * v1 + 0.5 * x * x * v2;
        out[1] -= v1 + x * v2;
        out[2] -= v2;
    }

    @Override
    public Evaluation evaluate(Structure s, NeighbourList nl, Request req) {
        checkList(nl);
        checkSpecies(s);
        int n = s.size();
        double e = 0;
        double[] site = new double[n];
        double[] f = new double[3 * n];
        double[] w = new double[9];
        double[] t = new double[3];
        double[] blk = new double[9];
        double rc2 = rc * rc;
        BlockHessian.Builder hb = req.hessian() ? new BlockHessian.Builder(n) : null;
        for (int i = 0; i < n; i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                double dx = nl.dx(p), dy = nl.dy(p), dz = nl.dz(p);
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rc2) {
                    continue;
                }
                int j = nl.neighbour(p);
                double r = Math.sqrt(r2);
                smooth(r, t);
                e += t[0];
                site[i] += 0.5 * t[0];
                site[j] += 0.5 * t[0];
                // dE/d(r_j - r_i) = phi' d / r: force -that on j, +that on i; W = -phi' d (x) d / r
                double g = t[1] / r;
                double[] d = {dx, dy, dz};
                for (int a = 0; a < 3; a++) {
                    f[3 * i + a] += g * d[a];
                    f[3 * j + a] -= g * d[a];
                    for (int b = 0; b < 3; b++) {
                        w[3 * a + b] -= g * d[a] * d[b];
                    }
                }
                if (hb != null && j != i) {
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            double uu = d[a] * d[b] / r2;
                            blk[3 * a + b] = t[2] * uu + g * ((a == b ? 1 : 0) - uu);
                        }
                    }
                    hb.addBlock(i, i, blk, 1);
                    hb.addBlock(j, j, blk, 1);
                    hb.addBlock(i, j, blk, -1);
                    hb.addBlock(j, i, blk, -1);
                }
            }
        }
        return new Evaluation(e, req.siteEnergies() ? site : null, f, w, hb == null ? null : hb.build());
    }
}
