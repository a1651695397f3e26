package org.burgers.ace.model;

import java.util.Map;
import java.util.stream.IntStream;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.SiteKernel;
import org.burgers.core.InputException;
import org.burgers.core.basis.LinearBasisPotential;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.BlockHessian;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.LocalFiniteDifferenceHessian;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;

/**
 * The linear ACE potential {@code E = sum_l (E0_(z_l) + sum_B c_B B(env_l))} (paper (4.15), (C.2)). The
 * coefficients are contracted into the product DAG once ({@code cNode = sum_B c_B U_B}), so a force call
 * costs one forward and one reverse sweep per site, not the gradient of every basis function. Sites are
 * split into a number of chunks that depends only on the number of atoms; chunks run in parallel (or in
 * turn with {@code parallel = false}) and their forces and virials are summed in chunk order, so the result
 * is the same bit for bit whatever the number of threads. The Hessian is a finite difference of the forces
 * on the local cluster of each atom ({@link LocalFiniteDifferenceHessian}), symmetrised.
 */
public final class AcePotential implements LinearBasisPotential {
    private static final int MAX_CHUNKS = 16;
    private static final int MIN_CHUNK = 64;
    private static final int SMALL_CELL = 200;

    private final AceBasis basis;
    private final AceModel model;
    private final double[][] cNode;
    private final double[][] cPair;
    private final double[] e0;
    private final boolean parallel;

    public AcePotential(AceModel model) {
        this(model, true);
    }

    public AcePotential(AceModel model, boolean parallel) {
        this.model = model;
        this.basis = new AceBasis(model.basis());
        double[] c = model.coefficients();
        if (c.length != basis.size()) {
            throw new InputException("ACE model has " + c.length + " coefficients for a basis of " + basis.size());
        }
        int nz = basis.speciesList().size();
        cNode = new double[nz][];
        cPair = new double[nz][];
        e0 = new double[nz];
        for (int z = 0; z < nz; z++) {
            cNode[z] = basis.contractManyBody(z, c);
            cPair[z] = basis.contractPair(z, c);
            e0[z] = model.e0().get(basis.speciesList().get(z));
        }
        this.parallel = parallel;
    }

    public static AcePotential of(AceBasis basis, double[] coefficients, Map<String, Double> e0) {
        return new AcePotential(new AceModel(basis.spec(), e0, coefficients));
    }

    public AceModel model() {
        return model;
    }

    @Override
    public AceBasis basis() {
        return basis;
    }

    @Override
    public Evaluation evaluate(Structure s, NeighbourList list, Request request) {
        checkList(list);
        int[] z = basis.speciesOf(s);
        int n = s.size();
        boolean grad = request.forces() || request.virial() || request.hessian();
        int chunks = Math.max(1, Math.min(MAX_CHUNKS, n / MIN_CHUNK));
        double[] site = new double[n];
        double[][] fb = new double[chunks][];
        double[][] wb = new double[chunks][];
        IntStream range = IntStream.range(0, chunks);
        (parallel && chunks > 1 ? range.parallel() : range).forEach(c -> {
            SiteKernel ws = new SiteKernel(basis);
            int lo = (int) ((long) c * n / chunks), hi = (int) ((long) (c + 1) * n / chunks);
            double[] f = grad ? new double[3 * n] : null;
            double[] w = grad ? new double[9] : null;
            for (int i = lo; i < hi; i++) {
                site[i] = e0[z[i]] + ws.siteEnergy(i, z, list, cNode[z[i]], cPair[z[i]], grad);
                if (!grad) {
                    continue;
                }
                double[] g = ws.gradients(), r = ws.vectors();
                for (int q = 0; q < ws.count(); q++) {
                    int j = ws.neighbour(q);
                    double gx = g[3 * q], gy = g[3 * q + 1], gz = g[3 * q + 2];
                    f[3 * j] -= gx;
                    f[3 * j + 1] -= gy;
                    f[3 * j + 2] -= gz;
                    f[3 * i] += gx;
                    f[3 * i + 1] += gy;
                    f[3 * i + 2] += gz;
                    double rx = r[3 * q], ry = r[3 * q + 1], rz = r[3 * q + 2];
                    // W = sum_i r_i (x) f_i = -sum_pairs r_ij (x) dE_i/dr_ij
                    w[0] -= rx * gx;
                    w[1] -= rx * gy;
                    w[2] -= rx * gz;
                    w[3] -= ry * gx;
                    w[4] -= ry * gy;
                    w[5] -= ry * gz;
                    w[6] -= rz * gx;
                    w[7] -= rz * gy;
                    w[8] -= rz * gz;
                }
            }
            fb[c] = f;
            wb[c] = w;
        });
        double energy = 0;
        for (double e : site) {
            energy += e;
        }
        if (!Double.isFinite(energy)) {
            throw new InputException("ACE potential: non-finite energy (atoms too close or coefficients broken)");
        }
        double[] forces = null, virial = null;
        if (grad) {
            forces = new double[3 * n];
            virial = new double[9];
            for (int c = 0; c < chunks; c++) {
                for (int k = 0; k < 3 * n; k++) {
                    forces[k] += fb[c][k];
                }
                for (int k = 0; k < 9; k++) {
                    virial[k] += wb[c][k];
                }
            }
        }
        Evaluation ev = new Evaluation(energy, site, forces, virial, null);
        if (request.hessian()) {
            ev = ev.withHessian(hessian(s));
        }
        return ev;
    }

    /**
     * H = -dF/dx by finite differences of the forces, symmetrised. Large structures: core's O(N) local helper
     * (each atom displaced inside its 2 rcut cluster, 4th-order stencil). Small periodic cells, where that
     * cluster would hold more atoms than the cell: central differences (step 1e-4 A) of the whole cell.
     */
    private BlockHessian hessian(Structure s) {
        int n = s.size();
        if (n > SMALL_CELL) {
            return LocalFiniteDifferenceHessian.compute(this, s);
        }
        double[] x = s.positions();
        double h = 1e-4;
        double[][] cols = new double[3 * n][];
        for (int k = 0; k < 3 * n; k++) {
            double x0 = x[k];
            x[k] = x0 + h;
            double[] fp = evaluate(s.withPositions(x), Request.FORCES).forces();
            x[k] = x0 - h;
            double[] fm = evaluate(s.withPositions(x), Request.FORCES).forces();
            x[k] = x0;
            double[] col = new double[3 * n];
            for (int m = 0; m < 3 * n; m++) {
                col[m] = -(fp[m] - fm[m]) / (2 * h);
            }
            cols[k] = col;
        }
        BlockHessian.Builder b = new BlockHessian.Builder(n);
        for (int k = 0; k < 3 * n; k++) {
            for (int m = 0; m < 3 * n; m++) {
                double v = 0.5 * (cols[k][m] + cols[m][k]);
                if (v != 0.0) {
                    b.add(k / 3, k % 3, m / 3, m % 3, v);
                }
            }
        }
        return b.build();
    }
}
