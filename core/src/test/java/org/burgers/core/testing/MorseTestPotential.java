package org.burgers.core.testing;

import java.util.Set;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.BlockHessian;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;

/**
 * A minimal smooth pair potential for core's own tests (the real pair potentials live in the potentials
 * module): phi(r) = D (e^{-2a(r-r0)} - 2 e^{-a(r-r0)}) times the cutoff function (1 - (r/rc)^2)^3, which
 * vanishes with two derivatives at rc. Any element.
 */
public final class MorseTestPotential implements Potential {
    private final double d;
    private final double a;
    private final double r0;
    private final double rc;

    public MorseTestPotential(double d, double a, double r0, double rc) {
        this.d = d;
        this.a = a;
        this.r0 = r0;
        this.rc = rc;
    }

    @Override
    public double cutoff() {
        return rc;
    }

    @Override
    public Set<String> species() {
        return Set.of("W", "Si", "Ni", "Al", "Cu", "Fe", "Mo", "Ar");
    }

    @Override
    public boolean wantsHalfList() {
        return true;
    }

    /** phi, phi', phi'' at r. */
    double[] phi(double r) {
        double e = Math.exp(-a * (r - r0));
        double m = d * (e * e - 2 * e);
        double m1 = d * (-2 * a * e * e + 2 * a * e);
        double m2 = d * (4 * a * a * e * e - 2 * a * a * e);
        double u = 1 - (r / rc) * (r / rc);
        double c = u * u * u;
        double c1 = 3 * u * u * (-2 * r / (rc * rc));
        double c2 = 6 * u * (4 * r * r / (rc * rc * rc * rc)) + 3 * u * u * (-2 / (rc * rc));
        return new double[] {m * c, m1 * c + m * c1, m2 * c + 2 * m1 * c1 + m * c2};
    }

    @Override
    public Evaluation evaluate(Structure s, NeighbourList nl, Request req) {
        checkList(nl);
        int n = s.size();
        double e = 0;
        double[] site = new double[n];
        double[] f = new double[3 * n];
        double[] w = new double[9];
        BlockHessian.Builder hb = req.hessian() ? new BlockHessian.Builder(n) : null;
        for (int i = 0; i < n; i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                double[] v = {nl.dx(p), nl.dy(p), nl.dz(p)};
                double r = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                if (r >= rc) {
                    continue;
                }
                int j = nl.neighbour(p);
                double[] ph = phi(r);
                e += ph[0];
                site[i] += 0.5 * ph[0];
                site[j] += 0.5 * ph[0];
                for (int k = 0; k < 3; k++) {
                    double fk = ph[1] * v[k] / r;  // dE/d r_j
                    f[3 * i + k] += fk;
                    f[3 * j + k] -= fk;
                    for (int l = 0; l < 3; l++) {
                        w[3 * k + l] -= ph[1] * v[k] * v[l] / r;   // W = sum r_i (x) f_i = -phi' v (x) v / r
                    }
                }
                if (hb != null && j != i) {
                    double[] blk = new double[9];
                    for (int k = 0; k < 3; k++) {
                        for (int l = 0; l < 3; l++) {
                            double uu = v[k] * v[l] / (r * r);
                            blk[3 * k + l] = ph[2] * uu + ph[1] / r * ((k == l ? 1 : 0) - uu);
                        }
                    }
                    hb.addBlock(i, i, blk, 1);
                    hb.addBlock(j, j, blk, 1);
                    hb.addBlock(i, j, blk, -1);
                    hb.addBlock(j, i, blk, -1);
                }
            }
        }
        return new Evaluation(e, site, f, w, hb == null ? null : hb.build());
    }
}
