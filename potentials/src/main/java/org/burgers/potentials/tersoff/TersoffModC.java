package org.burgers.potentials.tersoff;

import java.util.List;
import org.burgers.core.potential.LocalFiniteDifferenceHessian;
import org.burgers.core.potential.SiteDriver;
import org.burgers.potentials.TripletPotential;

/**
 * The modified Tersoff potential of LAMMPS' {@code pair_style tersoff/mod/c} (Kumagai, Izumi, Hara and
 * Sakai, Comput. Mater. Sci. 39, 457 (2007), with the constant c0 of Purja Pun and Mishin, Phys. Rev. B 95,
 * 224103 (2017)):
 * <pre>
 * E = 1/2 sum_i sum_{j!=i} fc(r_ij) [A e^{-lam1 r_ij} - b_ij B e^{-lam2 r_ij} + c0]
 * b_ij = (1 + (beta zeta_ij)^eta)^(-1/(2n)),
 * zeta_ij = sum_{k!=i,j} fc(r_ik) g(cos theta_ijk) exp[(alpha (r_ij - r_ik))^m]
 * g = c1 + c2 (h - cos)^2 / (c3 + (h - cos)^2) (1 + c4 exp(-c5 (h - cos)^2))
 * fc = 1/2 - 9/16 sin(pi/2 (r - R)/D) - 1/16 sin(3 pi/2 (r - R)/D) on |r - R| &lt; D
 * </pre>
 * including LAMMPS' asymptotic forms of b for very small and very large beta*zeta and its clamping of the
 * exponential. Forces and virial analytic; the Hessian by {@link LocalFiniteDifferenceHessian}.
 */
public final class TersoffModC extends TripletPotential<TersoffModCParameters> {

    public TersoffModC(String source, List<String> elements, TersoffModCParameters[] params) {
        this(source, elements, params, true);
    }

    public TersoffModC(String source, List<String> elements, TersoffModCParameters[] params, boolean parallel) {
        super(source, elements, params, parallel);
    }

    static double fc(TersoffModCParameters p, double r) {
        if (r < p.bigr() - p.bigd()) {
            return 1.0;
        }
        if (r > p.bigr() + p.bigd()) {
            return 0.0;
        }
        double x = Math.PI / 2 * (r - p.bigr()) / p.bigd();
        return 0.5 * (1.0 - 1.125 * Math.sin(x) - 0.125 * Math.sin(3.0 * x));
    }

    static double fcd(TersoffModCParameters p, double r) {
        if (r < p.bigr() - p.bigd() || r > p.bigr() + p.bigd()) {
            return 0.0;
        }
        double x = Math.PI / 2 * (r - p.bigr()) / p.bigd();
        return -(0.375 * Math.PI / 4 / p.bigd()) * (3.0 * Math.cos(x) + Math.cos(3.0 * x));
    }

    /** b(zeta) and db/dzeta with LAMMPS' asymptotic branches (PairTersoffMOD::ters_bij, ters_bij_d). */
    static void bij(TersoffModCParameters p, double zeta, double[] out) {
        double tmp = p.beta() * zeta;
        double ca1 = p.ca1();
        double ca4 = 1.0 / ca1;
        double ratio = p.powern() / p.powernDel();
        if (tmp > ca1) {
            out[0] = Math.pow(tmp, -ratio / 2.0);
            out[1] = -0.5 * ratio * Math.pow(tmp, -0.5 * ratio) / zeta;
        } else if (tmp < ca4) {
            out[0] = 1.0;
            out[1] = 0.0;
        } else {
            double tn = Math.pow(tmp, p.powern());
            out[0] = Math.pow(1.0 + tn, -1.0 / (2.0 * p.powernDel()));
            out[1] = -0.5 * ratio * Math.pow(1.0 + tn, -1.0 - 1.0 / (2.0 * p.powernDel())) * tn / zeta;
        }
    }

    /** Half of the bond term fc (A e^{-lam1 r} + c0 + b_ij fa) of i-j, with b_ij from zeta_ij. */
    @Override
    protected double bond(Neighbourhood nb, int ti, int a, double e, double[] f, double[] w) {
        int[] at = nb.atoms(), tn = nb.types();
        double[] d = nb.bonds();
        int i = nb.centre(), j = at[a], tj = tn[a];
        double[] b = nb.scratch();
        TersoffModCParameters pij = params[(ti * ne + tj) * ne + tj];
        double dx = d[4 * a], dy = d[4 * a + 1], dz = d[4 * a + 2], rij = d[4 * a + 3];
        double ei = e;
        double ux = dx / rij, uy = dy / rij, uz = dz / rij;
        double fcij = fc(pij, rij), fcdij = fcd(pij, rij);
        // repulsion and c0, half per ordered pair: 1/2 fc (A e^{-lam1 r} + c0)
        double rep = pij.biga() * Math.exp(-pij.lam1() * rij);
        ei += 0.5 * fcij * (rep + pij.c0());
        double dEdr = 0.5 * (fcdij * (rep + pij.c0()) - fcij * pij.lam1() * rep);
        // zeta_ij
        double zeta = 0;
        for (int c = 0; c < nb.count(); c++) {
            if (c == a) {
                continue;
            }
            TersoffModCParameters pijk = params[(ti * ne + tj) * ne + tn[c]];
            double ex = d[4 * c], ey = d[4 * c + 1], ez = d[4 * c + 2], rik = d[4 * c + 3];
            if (rik >= pijk.cut()) {
                continue;
            }
            double cos = (ux * ex + uy * ey + uz * ez) / rik;
            zeta += fc(pijk, rik) * g(pijk, cos) * exDelr(pijk, rij - rik);
        }
        // attraction: 1/2 b_ij fa(r_ij), fa = -B e^{-lam2 r} fc
        double att = -pij.bigb() * Math.exp(-pij.lam2() * rij);
        double fa = att * fcij;
        double fad = att * (fcdij - fcij * pij.lam2());
        bij(pij, zeta, b);
        ei += 0.5 * b[0] * fa;
        dEdr += 0.5 * b[0] * fad;
        double pref = 0.5 * fa * b[1];   // dE/dzeta
        double gx = dEdr * ux, gy = dEdr * uy, gz = dEdr * uz;   // dE/d(r_j - r_i)
        if (pref != 0) {
            for (int c = 0; c < nb.count(); c++) {
                if (c == a) {
                    continue;
                }
                int k = at[c];
                TersoffModCParameters pijk = params[(ti * ne + tj) * ne + tn[c]];
                double ex = d[4 * c], ey = d[4 * c + 1], ez = d[4 * c + 2], rik = d[4 * c + 3];
                if (rik >= pijk.cut()) {
                    continue;
                }
                double wx = ex / rik, wy = ey / rik, wz = ez / rik;
                double cos = ux * wx + uy * wy + uz * wz;
                double fck = fc(pijk, rik), fcdk = fcd(pijk, rik);
                double gg = g(pijk, cos), gd = gd(pijk, cos);
                double ed = exDelr(pijk, rij - rik), edd = exDelrD(pijk, rij - rik, ed);
                // zeta term derivatives w.r.t. r_ij, r_ik and cos(theta_ijk)
                double dRij = pref * fck * gg * edd;
                double dRik = pref * (fcdk * gg * ed - fck * gg * edd);
                double dCos = pref * fck * gd * ed;
                gx += dRij * ux + dCos * (wx - cos * ux) / rij;
                gy += dRij * uy + dCos * (wy - cos * uy) / rij;
                gz += dRij * uz + dCos * (wz - cos * uz) / rij;
                double hx = dRik * wx + dCos * (ux - cos * wx) / rik;
                double hy = dRik * wy + dCos * (uy - cos * wy) / rik;
                double hz = dRik * wz + dCos * (uz - cos * wz) / rik;
                SiteDriver.addBond(f, w, i, k, ex, ey, ez, hx, hy, hz);
            }
        }
        SiteDriver.addBond(f, w, i, j, dx, dy, dz, gx, gy, gz);
        return ei;
    }

    static double g(TersoffModCParameters p, double cos) {
        double t = (p.h() - cos) * (p.h() - cos);
        return p.c1() + (p.c2() * t / (p.c3() + t)) * (1.0 + p.c4() * Math.exp(-p.c5() * t));
    }

    static double gd(TersoffModCParameters p, double cos) {
        double t = (p.h() - cos) * (p.h() - cos);
        double e = p.c4() * Math.exp(-p.c5() * t);
        double dgdt = p.c2() * (p.c3() / ((p.c3() + t) * (p.c3() + t)) * (1.0 + e) - t / (p.c3() + t) * p.c5() * e);
        return dgdt * (-2.0 * (p.h() - cos));
    }

    /** exp((alpha dr)^m), clamped as LAMMPS does. */
    static double exDelr(TersoffModCParameters p, double dr) {
        double arg = p.powerm() == 3 ? cube(p.lam3() * dr) : p.lam3() * dr;
        if (arg > 69.0776) {
            return 1.e30;
        }
        if (arg < -69.0776) {
            return 0.0;
        }
        return Math.exp(arg);
    }

    static double exDelrD(TersoffModCParameters p, double dr, double ex) {
        return p.powerm() == 3 ? 3.0 * cube(p.lam3()) * dr * dr * ex : p.lam3() * ex;
    }

    private static double cube(double x) {
        return x * x * x;
    }
}
