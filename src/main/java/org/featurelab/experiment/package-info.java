/**
 * Training runs with per-layer feature diagnostics: {@link org.featurelab.experiment.TrainConfig} (a validated
 * record of the run's settings), {@link org.featurelab.experiment.TrainingRun} (initialise, train, diagnose),
 * {@link org.featurelab.experiment.DiagnosticsRecorder} (a {@link org.featurelab.nn.TrainingListener} that runs
 * {@link org.featurelab.diagnostics.NetworkDiagnostics#compute} every K steps on a fixed sample set and keeps one
 * {@link org.featurelab.experiment.DiagnosedStep} per diagnosis), and the sinks that write those records:
 * {@link org.featurelab.experiment.MetricsCsv}, {@link org.featurelab.experiment.SummaryJson},
 * {@code org.featurelab.report.TrainingPlots} (plots live in the report layer). The training loop knows only the listener.
 *
 * <p>Layer: after {@code nn} and {@code diagnostics}; uses {@code io} and {@code report}; imported by {@code cli}.
 */
package org.featurelab.experiment;
