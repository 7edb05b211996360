/**
 * Prediction quality measures (accuracy, balanced accuracy, log-loss, ROC-AUC, MSE, RMSE, MAE, R²) and class
 * probabilities from scores by temperature scaling; depends on {@code base} and {@code linalg}.
 */
package org.featurelab.scoring;
