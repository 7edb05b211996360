/**
 * One-command reproductions of the seed papers' phenomena ({@code featurelab experiment NAME}), one sub-package per
 * paper. Each experiment is a compute class with a {@code Config} record (the papers' {@code defaults()} and a
 * {@code quick()} variant) and an {@code XxxExperiment.run(config, progress)} that returns an
 * {@link org.featurelab.experiment.ExperimentReport}; {@link org.featurelab.experiment.catalog.Experiments} lists them.
 * <ul>
 *   <li>{@code experiment.grokking}: RFMs grok modular arithmetic (Mallinar et al.), block-circulant M.</li>
 *   <li>{@code experiment.fact}: the FACT paper: FACT versus NFA on trained networks, sparse parity with RFMs.</li>
 *   <li>{@code experiment.deeplinear}: Tansley, Massart &amp; Cartis: the deep linear NFA and its counterexample.</li>
 *   <li>{@code experiment.alignment}: Beaglehole et al.: centered NFA and speed-limited optimisation.</li>
 * </ul>
 * This package holds what several papers' experiments share: the report, {@link org.featurelab.experiment.NetworkData}
 * (data sets for network experiments) and {@link org.featurelab.experiment.PowerSweep} (α-sweeps).
 *
 * <p>This package uses {@code base}, {@code linalg}, {@code nn}, {@code io}, {@code table}, {@code encoding} and
 * {@code report}, never its sub-packages; the paper packages use it and add {@code kernel}, {@code rfm},
 * {@code scoring}, {@code diagnostics} and {@code training}; {@code experiment.catalog} uses the paper packages, and
 * only {@code cli} uses the catalog.
 */
package org.featurelab.experiment;
