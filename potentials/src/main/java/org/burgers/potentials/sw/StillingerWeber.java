package org.burgers.potentials.sw;

import java.util.List;
import org.burgers.core.potential.LocalFiniteDifferenceHessian;
import org.burgers.core.potential.SiteDriver;
import org.burgers.potentials.TripletPotential;

/**
 * Stillinger-Weber (Phys. Rev. B 31, 5262 (1985)) as LAMMPS' {@code pair_style sw} evaluates it:
 * <pre>
 * E = sum_{i<j} phi2(r_ij) + sum_i sum_{j<k} phi3(r_ij, r_ik, theta_jik)
 * phi2 = A eps [B (sigma/r)^p - (sigma/r)^q] exp(sigma / (r - a sigma))
 * phi3 = lambda eps (cos theta - cos theta0)^2 exp(gamma sigma/(r_ij - a sigma)) exp(gamma sigma/(r_ik - a sigma))
 * </pre>
 * Analytic forces and virial on a full list; the Hessian by {@link LocalFiniteDifferenceHessian}.
 */
public final class StillingerWeber extends TripletPotential<SwParameters> {

    public StillingerWeber(String source, List<String> elements, SwParameters[] params, boolean parallel) {
        super(source, elements, params, parallel);
    }

    /** Half of the pair term phi2(r_ij) and the three-body terms of (j, i, k) with every later neighbour k. */
    @Override
    protected double bond(Neighbourhood nb, int ti, int a, double e, double[] f, double[] w) {
        int[] at = nb.atoms(), tn = nb.types();
        double[] d = nb.bonds();
        int i = nb.centre(), j = at[a], tj = tn[a];
        SwParameters pij = params[(ti * ne + tj) * ne + tj];
        double dx = d[4 * a], dy = d[4 * a + 1], dz = d[4 * a + 2], r1 = d[4 * a + 3];
        double ei = e;
        // two-body, half per ordered pair
        double sr = pij.sigma() / r1;
        double bp = pij.bigB() * Math.pow(sr, pij.p()), bq = Math.pow(sr, pij.q());
        double ra = 1.0 / (r1 - pij.cut());
        double ex = Math.exp(pij.sigma() * ra);
        double ae = pij.bigA() * pij.epsilon();
        double phi2 = ae * (bp - bq) * ex;
        double dphi2 = ae * (-pij.p() * bp + pij.q() * bq) / r1 * ex - phi2 * pij.sigma() * ra * ra;
        ei += 0.5 * phi2;
        double ux = dx / r1, uy = dy / r1, uz = dz / r1;
        SiteDriver.addBond(f, w, i, j, dx, dy, dz, 0.5 * dphi2 * ux, 0.5 * dphi2 * uy, 0.5 * dphi2 * uz);
        // three-body with every later neighbour k of i
        double gs1 = pij.gamma() * pij.sigma() * ra;
        double e1 = Math.exp(gs1);
        double de1 = -e1 * gs1 * ra;      // d e1 / d r1
        for (int c = a + 1; c < nb.count(); c++) {
            int k = at[c], tk = tn[c];
            SwParameters pik = params[(ti * ne + tk) * ne + tk];
            double ex2 = d[4 * c], ey2 = d[4 * c + 1], ez2 = d[4 * c + 2], r2 = d[4 * c + 3];
            if (r2 >= pik.cut()) {
                continue;
            }
            SwParameters pijk = params[(ti * ne + tj) * ne + tk];
            double wx = ex2 / r2, wy = ey2 / r2, wz = ez2 / r2;
            double cos = ux * wx + uy * wy + uz * wz;
            double rb = 1.0 / (r2 - pik.cut());
            double gs2 = pik.gamma() * pik.sigma() * rb;
            double e2 = Math.exp(gs2);
            double de2 = -e2 * gs2 * rb;
            double le = pijk.lambda() * pijk.epsilon();
            double dc = cos - pijk.cosTheta0();
            ei += le * dc * dc * e1 * e2;
            double dR1 = le * dc * dc * de1 * e2;
            double dR2 = le * dc * dc * e1 * de2;
            double dCos = 2 * le * dc * e1 * e2;
            SiteDriver.addBond(f, w, i, j, dx, dy, dz,
                    dR1 * ux + dCos * (wx - cos * ux) / r1,
                    dR1 * uy + dCos * (wy - cos * uy) / r1,
                    dR1 * uz + dCos * (wz - cos * uz) / r1);
            SiteDriver.addBond(f, w, i, k, ex2, ey2, ez2,
                    dR2 * wx + dCos * (ux - cos * wx) / r2,
                    dR2 * wy + dCos * (uy - cos * wy) / r2,
                    dR2 * wz + dCos * (uz - cos * wz) / r2);
        }
        return ei;
    }
}
