package org.burgers.fitting.testing;

import java.util.Set;
import org.burgers.core.basis.Features;
import org.burgers.core.basis.LinearBasis;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;

/**
 * A test LinearBasis whose answers are known in closed form: pair functions phi_k(r) = (1 - r/rc)^(k+3) (C^2 at rc),
 * k = 0..K-1, B_k = (1/2) sum_i sum_j phi_k(r_ij). Forces f_i = sum_j phi_k'(r) d_ij / r (d_ij = x_j - x_i),
 * virial W = -(1/2) sum_ij phi_k'(r) d (x) d / r.
 */
public final class PairPolynomialBasis implements LinearBasis {
    private final double rc;
    private final int k;
    private final Set<String> species;

    public PairPolynomialBasis(double rc, int k, Set<String> species) {
        this.rc = rc;
        this.k = k;
        this.species = Set.copyOf(species);
    }

    @Override
    public int size() {
        return k;
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
    public Features features(Structure s, NeighbourList nl, boolean forces, boolean virial) {
        int n = s.size();
        double[] e = new double[k];
        double[] f = forces ? new double[3 * n * k] : null;
        double[] w = virial ? new double[9 * k] : null;
        double[] d = new double[3];
        for (int i = 0; i < n; i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                d[0] = nl.dx(p);
                d[1] = nl.dy(p);
                d[2] = nl.dz(p);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                if (r >= rc) {
                    continue;
                }
                double u = 1 - r / rc;
                double up = u * u; // u^(q+2), updated by one multiplication per function
                for (int q = 0; q < k; q++) {
                    double phi = up * u;
                    double dphi = -(q + 3) * up / rc;
                    up *= u;
                    e[q] += 0.5 * phi;
                    if (forces) {
                        for (int a = 0; a < 3; a++) {
                            f[(3 * i + a) * k + q] += dphi * d[a] / r;
                        }
                    }
                    if (virial) {
                        for (int a = 0; a < 3; a++) {
                            for (int b = 0; b < 3; b++) {
                                w[(3 * a + b) * k + q] -= 0.5 * dphi * d[a] * d[b] / r;
                            }
                        }
                    }
                }
            }
        }
        return new Features(k, n, e, f, w);
    }
}
