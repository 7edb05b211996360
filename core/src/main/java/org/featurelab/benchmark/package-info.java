/**
 * Benchmarks on real data. The resumable loop shared by both harnesses ({@link
 * org.featurelab.benchmark.BenchmarkRunner}, {@link org.featurelab.benchmark.ResultsFile}, {@link
 * org.featurelab.benchmark.BenchmarkSummary}); the UCI-121 collection in its "data_py" split format ({@link
 * org.featurelab.benchmark.UciDataset}) with the per-fold protocol of the RFM and FACT papers ({@link
 * org.featurelab.benchmark.UciProtocol}); raw CSV files listed in a manifest ({@link
 * org.featurelab.benchmark.CsvManifest}) with seeded stratified K folds ({@link org.featurelab.benchmark.CsvFolds})
 * and the fit-and-evaluate unit of {@code featurelab fit} / {@code eval} ({@link
 * org.featurelab.benchmark.CsvProtocol}). Uses {@code base}, {@code linalg}, {@code scoring}, {@code kernel},
 * {@code rfm}, {@code table}, {@code encoding} and {@code tabular}; only {@code cli} uses it.
 */
package org.featurelab.benchmark;
