package org.burgers.simulation.dislocation.periodic;

import org.burgers.simulation.dislocation.elastic.LineDislocationField;

/**
 * Two dislocations of opposite sign: Burgers vector {@code +b} at {@code plus = (x, y)} and {@code -b} at
 * {@code minus}, joined by a straight cut (the slipped segment). Each core's branch cut points from
 * {@code plus} towards {@code minus} (for cores on one glide plane, along +x or -x as in (B.2)), so the two
 * cuts cancel beyond the second core. Crossing the segment towards its left-hand normal
 * {@code nu = rot90(minus - plus)} the displacement jumps by {@code -b} (B.2).
 *
 * @param field the single-dislocation field of {@code +b}, cut along +x
 */
public record Dipole(LineDislocationField field, double[] plus, double[] minus) {

    public Dipole {
        plus = plus.clone();
        minus = minus.clone();
    }

    /** Cores on one glide plane {@code y}. */
    public static Dipole onPlane(LineDislocationField field, double xPlus, double xMinus, double y) {
        return new Dipole(field, new double[] {xPlus, y}, new double[] {xMinus, y});
    }

    /** Burgers vector of the +b core, dislocation frame. */
    public double[] burgers() {
        return field.burgers();
    }

    /** Direction angle of the cut, in [0, 2 pi). */
    public double cutAngle() {
        double a = Math.atan2(minus[1] - plus[1], minus[0] - plus[0]);
        return a < 0 ? a + 2 * Math.PI : a;
    }
}
