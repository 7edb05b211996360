package org.featurelab.benchmark;

/**
 * Outcome of one dataset × fold × model.
 *
 * @param ridge              chosen λ
 * @param iteration          chosen iteration t (0 = plain kernel with M = I); the refit runs exactly t iterations
 *                           unless its own feature update fails earlier, when it scores its last iteration
 * @param rowNorm            whether rows were normalised to unit norm
 * @param tuningRows         training rows of the grid search (after the cap); with K-fold selection the size of
 *                           the cross-validation pool, each of whose K fits trains on (K − 1)/K of it
 * @param refitRows          rows of the scored model (after the cap); with bagging, of the refit alone (the K
 *                           cross-validation fits averaged with it train on their own parts of the pool)
 * @param validationAccuracy accuracy of the chosen (row norm, λ, t) on the validation rows (NaN without them)
 * @param testAccuracy       accuracy of the refit on the test rows (NaN without them)
 * @param seconds            wall time of the whole fold (grid, refit and scoring); for an ensemble the sum of its
 *                           members' (each as measured when it was computed, also when a later unit reused it)
 * @param partners           for an ensemble, each partner's name and choice as {@code name[ridge=… iteration=…
 *                           row_norm=… bandwidth=…]}, joined by {@code +}; empty otherwise (the other fields describe
 *                           the first member; testAccuracy is the ensemble's)
 */
public record UciResult(String dataset, int fold, String model, double ridge, double bandwidth, int iteration,
                     boolean rowNorm, int tuningRows, int refitRows, double validationAccuracy, double testAccuracy,
                     double seconds, String partners) {
    /** The result of a model without partners. */
    public UciResult(String dataset, int fold, String model, double ridge, double bandwidth, int iteration,
                  boolean rowNorm, int tuningRows, int refitRows, double validationAccuracy, double testAccuracy,
                  double seconds) {
        this(dataset, fold, model, ridge, bandwidth, iteration, rowNorm, tuningRows, refitRows, validationAccuracy,
                testAccuracy, seconds, "");
    }

    /**
     * The row of results.csv: hyperparameters {@code ridge=…;iteration=…;row_norm=on|off;tuning_rows=…;refit_rows=…},
     * then {@code ;bandwidth=…} when L is not the papers' {@value UciProtocol#BANDWIDTH} (absent: L = 10), then
     * {@code ;partners=…} for an ensemble.
     */
    public UnitResult toUnitResult() {
        String h = "ridge=" + ridge + ";iteration=" + iteration + ";row_norm=" + (rowNorm ? "on" : "off")
                + ";tuning_rows=" + tuningRows + ";refit_rows=" + refitRows
                + (bandwidth == UciProtocol.BANDWIDTH ? "" : ";bandwidth=" + bandwidth)
                + (partners.isEmpty() ? "" : ";partners=" + partners);
        return new UnitResult(dataset, fold, model, h, validationAccuracy, testAccuracy, seconds);
    }

    /** The choice as a partner's entry of {@link #partners}. */
    String asPartner() {
        return model + "[ridge=" + ridge + " iteration=" + iteration + " row_norm=" + (rowNorm ? "on" : "off")
                + " bandwidth=" + bandwidth + "]";
    }
}
