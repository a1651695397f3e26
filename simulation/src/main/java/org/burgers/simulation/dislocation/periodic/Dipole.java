package org.burgers.simulation.dislocation.periodic;

import org.burgers.simulation.dislocation.elastic.LineDislocationField;

/**
 * Two dislocations of opposite sign on one glide plane {@code y = y} of the dislocation frame: Burgers vector
 * {@code +b} at {@code (xPlus, y)} and {@code -b} at {@code (xMinus, y)}. With each core's cut along +x, the two
 * cuts cancel beyond the second core and leave the slipped segment between them (the plastic strain of the
 * dipole).
 *
 * @param field the single-dislocation field of {@code +b}
 */
public record Dipole(LineDislocationField field, double xPlus, double xMinus, double y) {

    /** Burgers vector of the +b core, dislocation frame. */
    public double[] burgers() {
        return field.burgers();
    }
}
