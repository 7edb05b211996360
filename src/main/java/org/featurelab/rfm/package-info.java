/**
 * Recursive Feature Machines: kernel ridge regression with a Mahalanobis kernel whose metric M is re-learned
 * from the predictor — by its AGOP (NFA-RFM), its FACT matrix (FACT-RFM) or the FACT geometric mean.
 * Depends on {@code linalg}, {@code kernel} and {@code metrics}.
 */
package org.featurelab.rfm;
