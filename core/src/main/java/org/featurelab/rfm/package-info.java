/**
 * Recursive Feature Machines: kernel ridge regression with a Mahalanobis kernel whose metric M is re-learned
 * from the predictor — by its AGOP (NFA-RFM), its FACT matrix (FACT-RFM) or the FACT geometric mean.
 * {@link org.featurelab.rfm.ValidationChoice} is the one rule for choosing among validated candidates (the iterates
 * here, and the grids of the tabular tuner and the UCI protocol).
 * Depends on {@code base}, {@code linalg}, {@code kernel} and {@code scoring}.
 */
package org.featurelab.rfm;
