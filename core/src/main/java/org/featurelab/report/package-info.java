/**
 * Reports: PNG plots, self-contained HTML pages and the writer of run directories.
 *
 * <ul>
 *   <li>{@link org.featurelab.report.HeatMap}: a heat map of a matrix (e.g. a feature matrix M) with a colour bar,
 *       drawn with Java2D; diverging blue–white–red scale around 0 when the values have both signs, sequential
 *       (viridis) otherwise.</li>
 *   <li>{@link org.featurelab.report.BarChart} and {@link org.featurelab.report.LineChart}: XChart category and XY
 *       charts rendered to PNG bytes.</li>
 *   <li>{@link org.featurelab.report.BenchmarkReport}: a benchmark page (models × datasets × folds): summary table,
 *       paired per-dataset scatter plots against a reference model, box plots of scores and seconds.</li>
 *   <li>{@link org.featurelab.report.HtmlReport}: a builder for one HTML page with escaped text, tables and PNGs
 *       embedded as base64 data URIs, written atomically.</li>
 *   <li>{@link org.featurelab.report.RunOutput}: the one writer of a run directory of {@code train}, {@code experiment}
 *       and {@code benchmark} — manifest.json (provenance, input and output SHA-256s), summary.json, the tidy
 *       metrics.csv, PNGs and index.html — each file atomic, the manifest last;
 *       {@link org.featurelab.report.TrainingPlots}: the charts of a training run.</li>
 * </ul>
 *
 * <p>Everything renders off-screen ({@code java.awt.headless=true} is fine). This package uses {@code linalg},
 * {@code io}, {@code training} (for {@code TrainingPlots} and the training sinks), the JDK, Commons CSV (the tidy
 * metrics.csv of {@code RunOutput}) and XChart; {@code experiment} and {@code cli} sit above it, and nothing below
 * it may use it.
 */
package org.featurelab.report;
