package org.burgers.ace.model;

import java.util.Map;
import java.util.function.Supplier;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.SiteKernel;
import org.burgers.core.InputException;
import org.burgers.core.basis.LinearBasisPotential;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.BlockHessian;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.ElementIndex;
import org.burgers.core.potential.LocalFiniteDifferenceHessian;
import org.burgers.core.potential.Partition;
import org.burgers.core.potential.Request;
import org.burgers.core.potential.SiteDriver;
import org.burgers.core.potential.SitePotential;
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
public final class AcePotential extends SitePotential implements LinearBasisPotential {
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
        this(model, new AceBasis(model.basis()), parallel);
    }

    private AcePotential(AceModel model, AceBasis basis, boolean parallel) {
        super(basis.cutoff(), new ElementIndex(basis.speciesList()));
        this.model = model;
        this.basis = basis;
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
    protected int[] types(Structure s) {
        return basis.speciesOf(s);
    }

    @Override
    protected Partition partition(int n) {
        return Partition.bySize(MAX_CHUNKS, MIN_CHUNK, parallel, n);
    }

    @Override
    protected boolean gradients(Request request) {
        return request.forces() || request.virial() || request.hessian();
    }

    @Override
    protected boolean keepSiteEnergies(Request request) {
        return true;
    }

    /** E_l = E0_(z_l) + the contracted basis at site l; its gradients go to the bonds of l (paper (C.2)). */
    @Override
    protected Supplier<SiteDriver.Site> kernels(int[] z, NeighbourList list, boolean grad) {
        return () -> {
            SiteKernel ws = new SiteKernel(basis);   // the DAG's work arrays, one per chunk
            return (i, f, w) -> {
                double e = e0[z[i]] + ws.siteEnergy(i, z, list, cNode[z[i]], cPair[z[i]], grad);
                if (grad) {
                    double[] g = ws.gradients(), r = ws.vectors();
                    for (int q = 0; q < ws.count(); q++) {
                        SiteDriver.addBond(f, w, i, ws.neighbour(q), r[3 * q], r[3 * q + 1], r[3 * q + 2],
                                g[3 * q], g[3 * q + 1], g[3 * q + 2]);
                    }
                }
                return e;
            };
        };
    }

    @Override
    protected void check(Evaluation e) {
        if (!Double.isFinite(e.energy())) {
            throw new InputException("ACE potential: non-finite energy (atoms too close or coefficients broken)");
        }
    }

    /**
     * H = -dF/dx by finite differences of the forces, symmetrised. Large structures: core's O(N) local helper
     * (each atom displaced inside its 2 rcut cluster, 4th-order stencil). Small periodic cells, where that
     * cluster would hold more atoms than the cell: central differences (step 1e-4 A) of the whole cell.
     */
    @Override
    protected BlockHessian hessian(Structure s) {
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
