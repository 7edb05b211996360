package org.featurelab.rfm;

/**
 * What happened in one RFM iteration t (solve with M_t, then — unless t = T — the update to M_{t+1}).
 *
 * @param iteration       t
 * @param trainScore      score on the training rows (accuracy, or −MSE for regression)
 * @param validationScore score on the validation rows, NaN without validation data
 * @param validationMse   mean squared error (summed over outputs) on the validation rows, NaN without them
 * @param kernelSeconds   Gram matrix K(X, X)
 * @param solveSeconds    (K + λI)α = Y
 * @param validateSeconds predictions on the validation rows
 * @param updateSeconds   new M (gradients/FACT, matrix function, scaling); 0 on the last iteration
 * @param solveMethod     cholesky, cholesky+jitter or lu
 * @param jitter          jitter added to the diagonal (0 if none)
 * @param updateFailure   why the update after this iteration failed (the fit then stopped here), or null
 */
public record IterationRecord(int iteration, double trainScore, double validationScore, double validationMse,
                              double kernelSeconds,
                              double solveSeconds, double validateSeconds, double updateSeconds, String solveMethod,
                              double jitter, String updateFailure) implements java.io.Serializable {
}
