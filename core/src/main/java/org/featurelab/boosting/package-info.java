/**
 * Gradient-boosted trees through XGBoost4J, the baseline the kernel machines are compared with
 * ({@code --model xgboost}, {@code xgboost-tuned}): {@link org.featurelab.boosting.BoostingConfig} (validated record),
 * {@link org.featurelab.boosting.Boosting#fit} and {@link org.featurelab.boosting.Boosting#tune} (a small grid with
 * early stopping, chosen by {@link org.featurelab.rfm.ValidationChoice} like every grid of the library) →
 * immutable {@link org.featurelab.boosting.BoostedModel} (the booster's bytes). The only package that sees
 * {@code ml.dmlc}. Depends on {@code base}, {@code linalg}, {@code scoring} and {@code rfm} (for
 * {@code LabeledData} and {@code ValidationChoice}).
 */
package org.featurelab.boosting;
