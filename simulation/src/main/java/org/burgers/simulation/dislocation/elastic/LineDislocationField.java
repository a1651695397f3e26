package org.burgers.simulation.dislocation.elastic;

/**
 * The continuum linear-elastic field of one straight dislocation in the dislocation frame: line along
 * {@code z}, glide-plane normal {@code y}, the branch cut along {@code +x} from the core (paper, B.2: the
 * displacement jumps by {@code u(x+) - u(x-) = -b} from below to above the cut). Positions are relative to the
 * core. Implementations may keep scratch space: use one instance per thread.
 */
public interface LineDislocationField {

    /** Burgers vector in the dislocation frame. */
    double[] burgers();

    /** Displacement at (x, y) relative to the core, into {@code out[off..off+2]}. */
    void displacement(double x, double y, double[] out, int off);

    /**
     * Displacement gradient {@code G_ij = du_i/dx_j} (row-major 3x3, third column zero) at (x, y) relative to
     * the core, into {@code out[off..off+8]}.
     */
    void gradient(double x, double y, double[] out, int off);

    /** The elastic tensor the field solves, in the dislocation frame. */
    ElasticTensor constants();

    /**
     * The energy-factor tensor K (= Barnett-Lothe L): energy per unit length {@code b.K.b/(4 pi) ln(R/r0)}.
     */
    double[] energyTensor();

    /** Stress {@code sigma_ij = C_ijkl du_k/dx_l} at (x, y), into {@code out[off..off+8]}. */
    default void stress(double x, double y, double[] out, int off) {
        double[] g = new double[9];
        gradient(x, y, g, 0);
        double[] c = constants().full();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 2; l++) {
                        s += c[ElasticTensor.idx(i, j, k, l)] * g[3 * k + l];
                    }
                }
                out[off + 3 * i + j] = s;
            }
        }
    }

    /** Energy prefactor {@code b.K.b / |b|^2} (stress units), the classical K of Hirth and Lothe. */
    default double energyPrefactor() {
        double[] b = burgers();
        double[] k = energyTensor();
        double num = 0;
        double bb = 0;
        for (int i = 0; i < 3; i++) {
            bb += b[i] * b[i];
            for (int j = 0; j < 3; j++) {
                num += b[i] * k[3 * i + j] * b[j];
            }
        }
        return num / bb;
    }
}
