/**
 * Tables as users have them: {@link org.featurelab.table.Table#readCsv} (header row, trimmed strings, missing
 * cells; Apache Commons CSV), {@link org.featurelab.table.Cells} (missing-value tokens, number parsing),
 * {@link org.featurelab.table.ColumnType} (numeric, categorical or all-missing; text in a mostly numeric column is an
 * error) and {@link org.featurelab.table.Idx} (IDX/MNIST-format images and labels, plain or gzipped; unsigned-byte
 * pixels scaled to [0, 1], labels one-hot over the values present). Turning a table into matrices is
 * {@code org.featurelab.encoding}'s job.
 *
 * <p>Bad input throws {@link java.lang.IllegalArgumentException} with one sentence, e.g.
 * {@code "f.csv line 7 (row 6), column 'age': text 'abc' in a numeric column (9 of 10 values are numbers)"};
 * rows are 1-based data rows (the header is not counted), lines are 1-based file lines.
 *
 * <p>Depends only on {@code linalg}, the JDK and Apache Commons CSV.
 */
package org.featurelab.table;
