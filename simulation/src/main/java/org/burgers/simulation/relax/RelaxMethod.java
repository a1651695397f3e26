package org.burgers.simulation.relax;

import java.util.Locale;
import org.burgers.core.InputException;

/** The relaxation methods, by their command-line names. */
public enum RelaxMethod {
    LBFGS("lbfgs"), FIRE("fire"), PRECON_LBFGS("precon-lbfgs");

    private final String label;

    RelaxMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RelaxMethod parse(String s) {
        for (RelaxMethod m : values()) {
            if (m.label.equals(s.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InputException("unknown relaxation method '" + s + "' (known: lbfgs, fire, precon-lbfgs)");
    }

    /** A new relaxer of this kind (relaxers are stateless; one may be shared). */
    public Relaxer create() {
        switch (this) {
            case LBFGS:
                return new LbfgsRelaxer();
            case FIRE:
                return new FireRelaxer();
            default:
                return LbfgsRelaxer.preconditioned();
        }
    }
}
