/** Prediction quality measures (accuracy, MSE, RMSE, MAE, R²); depends on {@code base} and {@code linalg}. */
package org.featurelab.scoring;
