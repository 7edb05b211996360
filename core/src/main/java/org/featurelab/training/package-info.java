/**
 * Network training runs ({@code featurelab train}) with per-layer feature diagnostics: {@link org.featurelab.training.TrainConfig} (a validated
 * record of the run's settings), {@link org.featurelab.training.TrainingRun} (initialise, train, diagnose),
 * {@link org.featurelab.training.DiagnosticsRecorder} (a {@link org.featurelab.nn.TrainingListener} that runs
 * {@link org.featurelab.diagnostics.NetworkDiagnostics#compute} every K steps on a fixed sample set and keeps one
 * {@link org.featurelab.training.DiagnosedStep} per diagnosis, with its {@link org.featurelab.training.Stationarity}:
 * ‖∇𝓛‖ against ‖λθ‖, which says whether FACT can be expected to hold), and the views of those records that a run directory
 * holds: {@link org.featurelab.training.MetricsCsv} (the tidy metrics.csv rows), {@link org.featurelab.training.SummaryJson}
 * (the summary.json headline numbers) and {@code org.featurelab.report.TrainingPlots}; the files themselves are written
 * by {@code org.featurelab.report.RunOutput} (the report layer). The training loop knows only the listener.
 *
 * <p>Layer: uses {@code linalg}, {@code nn}, {@code diagnostics} and {@code io}; used by {@code report},
 * {@code experiment} and {@code cli}.
 */
package org.featurelab.training;
