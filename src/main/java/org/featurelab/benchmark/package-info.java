/**
 * Benchmarks on real data: the UCI-121 collection in its "data_py" split format ({@link
 * org.featurelab.benchmark.UciDataset}) and the per-fold protocol of the RFM and FACT papers ({@link
 * org.featurelab.benchmark.UciProtocol}), and the resumable loop over a collection ({@link
 * org.featurelab.benchmark.UciBenchmark}, {@link org.featurelab.benchmark.UciResultsFile}, {@link
 * org.featurelab.benchmark.UciSummary}). Sits above the models ({@code rfm}, {@code kernel}); nothing in the
 * models depends on it.
 */
package org.featurelab.benchmark;
