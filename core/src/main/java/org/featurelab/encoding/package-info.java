/**
 * From a {@link org.featurelab.table.Table} to numeric matrices, learned on training rows only.
 *
 * <p>Data flow:
 * <pre>
 *   Preprocessor(target, drop, task)      configuration record
 *     .fit(trainRows)                     → FittedPreprocessor (immutable)
 *   fitted.prepare(table)                 → PreparedData(X n×p, Y n×c or n×1)
 *   fitted.transform(newTable)            → X for prediction (target column not needed)
 * </pre>
 * {@link org.featurelab.encoding.ColumnEncoding} (sealed: {@link org.featurelab.encoding.NumericEncoding}
 * standardises and adds a missing indicator, {@link org.featurelab.encoding.CategoricalEncoding} one-hot encodes) and
 * {@link org.featurelab.encoding.TargetEncoding} (sealed: {@link org.featurelab.encoding.ClassificationTarget},
 * {@link org.featurelab.encoding.RegressionTarget}) are plain records, the exportable description of a fitted
 * preprocessor, rebuilt with {@link org.featurelab.encoding.FittedPreprocessor#of}.
 *
 * <p>Depends on {@code base}, {@code linalg} and {@code table}.
 */
package org.featurelab.encoding;
