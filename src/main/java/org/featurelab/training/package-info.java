/**
 * Network training runs ({@code featurelab train}) with per-layer feature diagnostics: {@link org.featurelab.training.TrainConfig} (a validated
 * record of the run's settings), {@link org.featurelab.training.TrainingRun} (initialise, train, diagnose),
 * {@link org.featurelab.training.DiagnosticsRecorder} (a {@link org.featurelab.nn.TrainingListener} that runs
 * {@link org.featurelab.diagnostics.NetworkDiagnostics#compute} every K steps on a fixed sample set and keeps one
 * {@link org.featurelab.training.DiagnosedStep} per diagnosis), and the sinks that write those records:
 * {@link org.featurelab.training.MetricsCsv}, {@link org.featurelab.training.SummaryJson},
 * {@code org.featurelab.report.TrainingPlots} (plots live in the report layer). The training loop knows only the listener.
 *
 * <p>Layer: after {@code nn} and {@code diagnostics}; uses {@code io}; imported by {@code report}, {@code experiment}
 * and {@code cli}.
 */
package org.featurelab.training;
