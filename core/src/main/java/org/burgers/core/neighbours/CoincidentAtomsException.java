package org.burgers.core.neighbours;

import org.burgers.core.InputException;

/**
 * Two atoms at the same place (closer than 1e-6 A, periodic images included): bad input when a user gives
 * such a structure; a step too long when an optimiser's trial puts them there (the relaxers retract it).
 */
public final class CoincidentAtomsException extends InputException {
    private final int first;
    private final int second;

    public CoincidentAtomsException(int first, int second, double distance) {
        super("atoms " + first + " and " + second + " are at the same position (distance " + distance + " A)");
        this.first = first;
        this.second = second;
    }

    public int first() {
        return first;
    }

    public int second() {
        return second;
    }
}
