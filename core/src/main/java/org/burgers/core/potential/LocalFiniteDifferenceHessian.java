package org.burgers.core.potential;

import java.util.stream.IntStream;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;

/**
 * The Hessian of any potential with a finite cutoff rc from central differences of its analytic forces, at
 * O(N) cost: to differentiate with respect to atom a only the site energies within rc of a change, and they
 * depend only on atoms within 2 rc of a. So each displacement is evaluated on the finite cluster of all atoms
 * (all periodic images) within 2 rc (+ the stencil reach) of a, with only the central copy of a moved; the
 * force change on every image of b is added to block (a, b), which is the periodic Hessian. The cluster is
 * non-periodic, so the potential must accept open boundaries. The result is symmetrised, (H + H^T)/2.
 *
 * <p>Stencil: 4th order, -f'(x) ~ [8(F(x+h)-F(x-h)) - (F(x+2h)-F(x-2h))] / 12h (truncation O(h^4)), or the
 * 2nd order [F(x+h)-F(x-h)]/2h. Default h = 1e-3 A with the 4th-order stencil: truncation ~ h^4 |d^5E| and
 * round-off ~ 1e-16 |F| / h are both far below 1e-8 eV/A^2 for smooth potentials.
 */
public final class LocalFiniteDifferenceHessian {
    public static final double DEFAULT_STEP = 1e-3;

    private LocalFiniteDifferenceHessian() {
    }

    public static BlockHessian compute(Potential p, Structure s) {
        return compute(p, s, DEFAULT_STEP, true);
    }

    /**
     * @param h          displacement step (A)
     * @param fourthOrder the 5-point (4th order) stencil; otherwise the 3-point central difference
     */
    public static BlockHessian compute(Potential p, Structure s, double h, boolean fourthOrder) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("finite-difference step must be positive, got " + h);
        }
        p.checkSpecies(s);
        int n = s.size();
        double reach = 2 * p.cutoff() + (fourthOrder ? 4 : 2) * h + 1e-9;
        NeighbourList around = NeighbourList.full(s, reach);
        int[][] members = new int[n][];
        double[][] rows = new double[n][];
        IntStream.range(0, n).parallel().forEach(a -> {
            int nc = 1 + around.count(a);
            int[] orig = new int[nc];
            double[] x = new double[3 * nc];
            Element[] el = new Element[nc];
            orig[0] = a;
            el[0] = s.element(a);
            for (int d = 0; d < 3; d++) {
                x[d] = s.x(a, d);
            }
            int c = 1;
            for (int q = around.start(a); q < around.end(a); q++, c++) {
                int j = around.neighbour(q);
                orig[c] = j;
                el[c] = s.element(j);
                x[3 * c] = x[0] + around.dx(q);
                x[3 * c + 1] = x[1] + around.dy(q);
                x[3 * c + 2] = x[2] + around.dz(q);
            }
            double side = 2 * reach + 2;
            Cell open = new Cell(new double[] {side, 0, 0, 0, side, 0, 0, 0, side}, new boolean[] {false, false, false});
            double[] row = new double[3 * 3 * nc];   // row[(3*d + e)... ] stored as [d][3c+e]
            for (int d = 0; d < 3; d++) {
                double[] df = difference(p, x, el, open, d, h);
                if (fourthOrder) {
                    double[] df2 = difference(p, x, el, open, d, 2 * h);
                    for (int k = 0; k < 3 * nc; k++) {
                        row[3 * nc * d + k] = -(8 * df[k] - df2[k]) / (12 * h);
                    }
                } else {
                    for (int k = 0; k < 3 * nc; k++) {
                        row[3 * nc * d + k] = -df[k] / (2 * h);
                    }
                }
            }
            members[a] = orig;
            rows[a] = row;
        });
        BlockHessian.Builder hb = new BlockHessian.Builder(n);
        double[] blk = new double[9];
        for (int a = 0; a < n; a++) {
            int nc = members[a].length;
            for (int c = 0; c < nc; c++) {
                for (int d = 0; d < 3; d++) {
                    for (int e = 0; e < 3; e++) {
                        blk[3 * d + e] = rows[a][3 * nc * d + 3 * c + e];
                    }
                }
                hb.addBlock(a, members[a][c], blk, 1.0);
            }
        }
        return symmetrised(hb.build());
    }

    /** F(x + h e_0d) - F(x - h e_0d) for the cluster, only its atom 0 displaced. */
    private static double[] difference(Potential p, double[] x, Element[] el, Cell open, int d, double h) {
        double[] y = x.clone();
        y[d] = x[d] + h;
        double[] fp = p.evaluate(new Structure(y, el, open), Request.FORCES).forces();
        y[d] = x[d] - h;
        double[] fm = p.evaluate(new Structure(y, el, open), Request.FORCES).forces();
        for (int k = 0; k < fp.length; k++) {
            fp[k] -= fm[k];
        }
        return fp;
    }

    /** (H + H^T) / 2, block by block. */
    static BlockHessian symmetrised(BlockHessian h) {
        int n = h.atoms();
        BlockHessian.Builder b = new BlockHessian.Builder(n);
        double[] blk = new double[9];
        for (int i = 0; i < n; i++) {
            for (int k = h.rowStart(i); k < h.rowEnd(i); k++) {
                int j = h.blockColumn(k);
                for (int a = 0; a < 3; a++) {
                    for (int c = 0; c < 3; c++) {
                        blk[3 * a + c] = 0.5 * h.blockValue(k, a, c);
                    }
                }
                b.addBlock(i, j, blk, 1.0);
                for (int a = 0; a < 3; a++) {
                    for (int c = 0; c < 3; c++) {
                        blk[3 * c + a] = 0.5 * h.blockValue(k, a, c);
                    }
                }
                b.addBlock(j, i, blk, 1.0);
            }
        }
        return b.build();
    }
}
