/**
 * One-command reproductions of the seed papers' phenomena ({@code featurelab experiment NAME}): each experiment is a
 * compute class with a {@code Config} record (the papers' {@code defaults()} and a {@code quick()} variant) and an
 * {@code XxxExperiment.run(config, progress)} that returns an {@link org.featurelab.reproduce.ExperimentReport}
 * (summary.json, tidy metrics.csv, PNG plots, index.html). {@link org.featurelab.reproduce.Experiments} lists them.
 * <ul>
 *   <li>RFM experiments: {@link org.featurelab.reproduce.Grokking} (modular arithmetic,
 *       {@link org.featurelab.reproduce.Circulant} structure of M), {@link org.featurelab.reproduce.SparseParity}.</li>
 *   <li>Network experiments: {@link org.featurelab.reproduce.FactValidation}, {@link org.featurelab.reproduce.DeepLinear},
 *       {@link org.featurelab.reproduce.Counterexample}, {@link org.featurelab.reproduce.CenteredNfa}, with data from
 *       {@link org.featurelab.reproduce.NetworkData} and α-sweeps from {@link org.featurelab.reproduce.PowerSweep}.</li>
 * </ul>
 * Sits above {@code rfm}, {@code nn}, {@code diagnostics}, {@code experiment} and {@code report}; only {@code cli}
 * depends on it.
 */
package org.featurelab.reproduce;
