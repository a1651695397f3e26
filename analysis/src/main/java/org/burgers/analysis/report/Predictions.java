package org.burgers.analysis.report;

/**
 * The slopes Theorem 3.1 and Table 1 of the paper predict. Against L with eps^{E,F} small: geometry flat
 * (log^1/2 growth) without elasticity, L^-1 with CLE rows, L^-2 with CLE + nonlinear rows; energy flat,
 * L^-2, L^-2. Against the test RMSE (basis size varied): geometry ~ RMSE, energy ~ RMSE^2 ((3.13), (3.14)).
 */
public final class Predictions {
    private Predictions() {
    }

    public static double slope(String quantity, String against, String caseName) {
        if (against.equals("rmse")) {
            return quantity.equals("geometry") ? 1 : 2;
        }
        return switch (caseName) {
            case "no-elasticity" -> 0;
            case "cle" -> quantity.equals("geometry") ? -1 : -2;
            case "cle-nonlinear" -> -2;
            default -> throw new IllegalArgumentException("unknown case " + caseName);
        };
    }
}
