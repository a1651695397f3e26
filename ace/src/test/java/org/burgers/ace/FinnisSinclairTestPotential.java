package org.burgers.ace;

import java.util.Set;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.potential.SiteDriver;
import org.burgers.core.structure.Structure;

/**
 * A smooth many-body reference for tests (Finnis-Sinclair form, Phil. Mag. A 50, 45 (1984)):
 * {@code E_i = 1/2 sum_j phi(r_ij) - sqrt(sum_j rho(r_ij))}, phi(r) = A exp(-p (r/re - 1)) fc(r),
 * rho(r) = exp(-2 q (r/re - 1)) fc(r), fc(r) = (1 - r/rc)^3. The square root makes it of infinite body order,
 * so a body-ordered expansion can only approximate it, with errors falling as the degree grows.
 */
final class FinnisSinclairTestPotential implements Potential {
    private final double a = 1.2;
    private final double p = 6.0;
    private final double q = 2.0;
    private final double re = 2.74;
    private final double rc = 5.4;
    private final String symbol;

    FinnisSinclairTestPotential(String symbol) {
        this.symbol = symbol;
    }

    @Override
    public double cutoff() {
        return rc;
    }

    @Override
    public Set<String> species() {
        return Set.of(symbol);
    }

    @Override
    public boolean wantsHalfList() {
        return false;
    }

    @Override
    public Evaluation evaluate(Structure s, NeighbourList list, Request request) {
        int n = s.size();
        double[] site = new double[n];
        double[] f = new double[3 * n];
        double[] w = new double[9];
        double energy = 0;
        for (int i = 0; i < n; i++) {
            double rho = 0, pair = 0;
            for (int k = list.start(i); k < list.end(i); k++) {
                double r = Math.sqrt(sq(list.dx(k)) + sq(list.dy(k)) + sq(list.dz(k)));
                if (r < rc) {
                    double fc = Math.pow(1 - r / rc, 3);
                    pair += 0.5 * a * Math.exp(-p * (r / re - 1)) * fc;
                    rho += Math.exp(-2 * q * (r / re - 1)) * fc;
                }
            }
            double sr = Math.sqrt(rho);
            site[i] = pair - sr;
            energy += site[i];
            for (int k = list.start(i); k < list.end(i); k++) {
                double dx = list.dx(k), dy = list.dy(k), dz = list.dz(k);
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r >= rc) {
                    continue;
                }
                double fc = Math.pow(1 - r / rc, 3), dfc = -3 * Math.pow(1 - r / rc, 2) / rc;
                double ep = Math.exp(-p * (r / re - 1)), eq = Math.exp(-2 * q * (r / re - 1));
                double dphi = a * (-p / re * ep * fc + ep * dfc);
                double drho = -2 * q / re * eq * fc + eq * dfc;
                double de = 0.5 * dphi - drho / (2 * sr);   // dE_i/dr
                double gx = de * dx / r, gy = de * dy / r, gz = de * dz / r;
                int j = list.neighbour(k);
                SiteDriver.addBond(f, w, i, j, dx, dy, dz, gx, gy, gz);
            }
        }
        return new Evaluation(energy, site, f, w, null);
    }

    private static double sq(double v) {
        return v * v;
    }
}
