/**
 * The tabular learner of {@code featurelab fit}: {@link org.featurelab.tabular.TabularLearner} (preprocess a raw
 * {@link org.featurelab.table.Table}, tune bandwidth, ridge and iteration count on a stratified validation split with
 * {@link org.featurelab.tabular.Tuner}, refit on all rows) returns an immutable
 * {@link org.featurelab.tabular.TabularModel} (predict, evaluate, feature importances by input column, save/load as a
 * versioned {@code .flm} file through {@link org.featurelab.tabular.TabularModelFile}). Configuration is the
 * validated record {@link org.featurelab.tabular.LearnerConfig}; {@link org.featurelab.tabular.ModelKind} is the one
 * registry of model names (laplace, nfa-rfm, fact-rfm, fact-rfm-gm, nfa-rfm-sqrt, the ensemble nfa-rfm+laplace-l1, xgboost, xgboost-tuned) used by every command and
 * output file. The boosted-tree kinds ({@link org.featurelab.tabular.TreeLearner}) read the same preprocessed matrix
 * and are tuned on the same split; a model holds either kind as its {@link org.featurelab.tabular.FittedModel}.
 *
 * <p>Uses {@code base}, {@code linalg}, {@code scoring}, {@code kernel}, {@code rfm}, {@code boosting}, {@code table},
 * {@code encoding} and {@code io}; used by {@code benchmark}, {@code experiment} and {@code cli}.
 */
package org.featurelab.tabular;
