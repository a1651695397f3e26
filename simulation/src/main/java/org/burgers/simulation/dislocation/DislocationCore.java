package org.burgers.simulation.dislocation;

/**
 * One dislocation of a periodic configuration.
 *
 * @param position core position in the cell (A, Cartesian, z = 0), before the homogeneous plastic
 *                 distortion is applied to the cell
 * @param burgers  Burgers vector (A, Cartesian, cell frame)
 */
public record DislocationCore(double[] position, double[] burgers) {
    public DislocationCore {
        position = position.clone();
        burgers = burgers.clone();
    }
}
