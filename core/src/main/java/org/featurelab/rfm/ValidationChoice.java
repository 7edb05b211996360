package org.featurelab.rfm;

/**
 * The one rule by which a candidate scored on validation rows replaces the best so far, used for the iterates of
 * {@link Rfm#fit}, the (L, λ) grid of {@code tabular.Tuner} and the (row norm, λ) grid of {@code benchmark.UciProtocol}:
 * <pre>
 *   beats(s, m; s*, m*)  ⇔  s &gt; s* + τ  ∨  (|s − s*| ≤ τ ∧ m &lt; m*),      τ = {@value #SCORE_TOLERANCE}
 * </pre>
 * with s the validation score (higher is better: accuracy, or −MSE for regression) and m the validation MSE. Scores
 * within τ tie and go to the lower MSE; a tie on both keeps the best so far, so candidates offered in order go to the
 * earlier one. Every comparison with NaN is false: a NaN score never beats a best, and nothing beats a best whose
 * score is NaN. What NaN means, and what happens with the first candidate, is the caller's choice (documented there).
 */
public final class ValidationChoice {
    /** Validation scores closer than this are a tie (accuracies differing by less than one row in 10¹²). */
    public static final double SCORE_TOLERANCE = 1e-12;

    private ValidationChoice() {
    }

    /** Whether a candidate with validation score {@code score} and MSE {@code mse} replaces the best so far. */
    public static boolean beats(double score, double mse, double bestScore, double bestMse) {
        return score > bestScore + SCORE_TOLERANCE
                || (Math.abs(score - bestScore) <= SCORE_TOLERANCE && mse < bestMse);
    }
}
