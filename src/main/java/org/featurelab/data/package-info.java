/**
 * From a user's CSV file to numeric matrices: reading, typing, encoding, with errors that name the file,
 * row and column.
 *
 * <p>Data flow:
 * <pre>
 *   Table.readCsv(path)                     raw trimmed strings, header required (Commons CSV)
 *     → Preprocessor(target, drop, task)    configuration record
 *         .fit(trainRows)                   → FittedPreprocessor (immutable, learned on training rows only)
 *     → fitted.prepare(table)               → PreparedData(X n×p, Y n×c or n×1)
 *     → fitted.transform(newTable)          → X for prediction (target column not needed)
 * </pre>
 *
 * <ul>
 *   <li>{@link org.featurelab.data.Cells}: missing-value tokens and number parsing.</li>
 *   <li>{@link org.featurelab.data.ColumnType}: numeric, categorical or all-missing; text in a mostly
 *       numeric column is an error.</li>
 *   <li>{@link org.featurelab.data.ColumnEncoding} (sealed: {@link org.featurelab.data.NumericEncoding},
 *       {@link org.featurelab.data.CategoricalEncoding}) and {@link org.featurelab.data.TargetEncoding}
 *       (sealed: {@link org.featurelab.data.ClassificationTarget},
 *       {@link org.featurelab.data.RegressionTarget}): plain records, the exportable description of a fitted
 *       preprocessor, rebuilt with {@link org.featurelab.data.FittedPreprocessor#of}.</li>
 *   <li>{@link org.featurelab.data.Idx}: IDX (MNIST-format) images and labels, plain or gzipped; unsigned-byte
 *       pixels scaled to [0, 1], labels one-hot over the values present.</li>
 * </ul>
 *
 * <p>Bad input throws {@link java.lang.IllegalArgumentException} with one sentence, e.g.
 * {@code "f.csv line 7 (row 6), column 'age': text 'abc' in a numeric column (9 of 10 values are numbers)"};
 * rows are 1-based data rows (the header is not counted), lines are 1-based file lines.
 *
 * <p>Depends only on {@code org.featurelab.linalg}, the JDK and Apache Commons CSV.
 */
package org.featurelab.data;
