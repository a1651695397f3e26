package org.burgers.ace.coupling;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Clebsch-Gordan coefficients {@code <j1 m1 j2 m2 | J M>} for integer angular momenta, Condon-Shortley phase,
 * from Racah's closed formula (Racah, Phys. Rev. 62, 438 (1942); Varshalovich et al. 8.2.1). The alternating
 * sum is evaluated exactly in integer arithmetic and only the final square root is rounded, so the values are
 * correct to double precision at any l this code will meet.
 */
public final class ClebschGordan {
    private static final MathContext MC = new MathContext(40);

    private ClebschGordan() {
    }

    public static double cg(int j1, int m1, int j2, int m2, int jj, int mm) {
        if (m1 + m2 != mm || Math.abs(m1) > j1 || Math.abs(m2) > j2 || Math.abs(mm) > jj
                || jj < Math.abs(j1 - j2) || jj > j1 + j2) {
            return 0.0;
        }
        // sum_k (-1)^k / (k! (j1+j2-J-k)! (j1-m1-k)! (j2+m2-k)! (J-j2+m1+k)! (J-j1-m2+k)!), as num/den exactly
        int kmin = Math.max(0, Math.max(j2 - jj - m1, j1 - jj + m2));
        int kmax = Math.min(j1 + j2 - jj, Math.min(j1 - m1, j2 + m2));
        BigInteger common = BigInteger.ONE;
        BigInteger[] dens = new BigInteger[Math.max(0, kmax - kmin + 1)];
        for (int k = kmin; k <= kmax; k++) {
            BigInteger d = f(k).multiply(f(j1 + j2 - jj - k)).multiply(f(j1 - m1 - k)).multiply(f(j2 + m2 - k))
                    .multiply(f(jj - j2 + m1 + k)).multiply(f(jj - j1 - m2 + k));
            dens[k - kmin] = d;
            common = lcm(common, d);
        }
        BigInteger num = BigInteger.ZERO;
        for (int k = kmin; k <= kmax; k++) {
            BigInteger t = common.divide(dens[k - kmin]);
            num = (k % 2 == 0) ? num.add(t) : num.subtract(t);
        }
        if (num.signum() == 0) {
            return 0.0;
        }
        // prefactor^2 = (2J+1) (J+j1-j2)! (J-j1+j2)! (j1+j2-J)! / (j1+j2+J+1)! * (J+M)!(J-M)!(j1-m1)!(j1+m1)!(j2-m2)!(j2+m2)!
        BigInteger pn = BigInteger.valueOf(2L * jj + 1).multiply(f(jj + j1 - j2)).multiply(f(jj - j1 + j2))
                .multiply(f(j1 + j2 - jj)).multiply(f(jj + mm)).multiply(f(jj - mm)).multiply(f(j1 - m1))
                .multiply(f(j1 + m1)).multiply(f(j2 - m2)).multiply(f(j2 + m2));
        BigInteger pd = f(j1 + j2 + jj + 1);
        // value = num/common * sqrt(pn/pd) = sign * sqrt(num^2 pn / (common^2 pd))
        BigDecimal sq = new BigDecimal(num.multiply(num).multiply(pn))
                .divide(new BigDecimal(common.multiply(common).multiply(pd)), MC);
        double v = sq.sqrt(MC).doubleValue();
        return num.signum() < 0 ? -v : v;
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    private static BigInteger f(int n) {
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return r;
    }
}
