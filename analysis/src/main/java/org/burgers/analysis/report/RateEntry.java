package org.burgers.analysis.report;

/**
 * One fitted rate of a report: {@code quantity} "geometry" or "energy", {@code against} "L" or "rmse",
 * {@code case} (JSON key {@code "case"}, as the issue specifies) "no-elasticity", "cle" or "cle-nonlinear", the slope with its 95% interval (null bounds when
 * there are too few points), the number of points, and the slope Table 1 of the paper predicts.
 */
public record RateEntry(String quantity, String against,
                        @com.fasterxml.jackson.annotation.JsonProperty("case") String caseName, Double slope, Double[] ci95,
                        int points, double predicted) {
}
