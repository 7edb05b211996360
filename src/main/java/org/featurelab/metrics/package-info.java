/** Prediction quality measures (accuracy, MSE, RMSE, MAE, R²); depends on {@code linalg} only. */
package org.featurelab.metrics;
