/**
 * Reports: PNG plots and self-contained HTML pages, the top layer above experiments.
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
 * </ul>
 *
 * <p>Everything renders off-screen ({@code java.awt.headless=true} is fine). This package depends on
 * {@code org.featurelab.linalg}, the JDK and XChart only; nothing below it may depend on it.
 */
package org.featurelab.report;
