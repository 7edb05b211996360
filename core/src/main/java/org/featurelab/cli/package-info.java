/**
 * The {@code featurelab} command line, the top layer: picocli commands that parse flags into the validated
 * configurations of the layers below and print their results.
 *
 * <ul>
 *   <li>{@link org.featurelab.cli.Main}: the command hierarchy and {@code run(args, out, err)} returning the exit code;</li>
 *   <li>{@code fit}, {@code predict}, {@code eval}, {@code inspect}: the tabular workflow on CSV files;</li>
 *   <li>{@code train}: a fully connected network with per-layer FACT/NFA diagnostics every K steps
 *       ({@link org.featurelab.experiment}), written to metrics.csv, summary.json, PNG plots and index.html;</li>
 *   <li>{@code speed rfm}: per-phase times and GFLOP/s of an RFM fit on synthetic data;</li>
 *   <li>{@code demo}: Laplace vs NFA-RFM vs FACT-RFM on bundled datasets, with an HTML report.</li>
 * </ul>
 *
 * <p>Errors: every failure ends as one line {@code featurelab: <message>} on stderr. Bad input (usage errors,
 * {@link java.lang.IllegalArgumentException}, I/O errors, numerical failures) exits with 2, anything else with
 * 1; stack traces only with {@code --debug} or {@code FEATURELAB_DEBUG=1}. Output files are written through
 * {@link org.featurelab.io.AtomicFiles} (temp file + rename), so a failed command leaves none behind.
 * Results go to stdout, progress lines to stderr (silenced by {@code --quiet}).
 */
package org.featurelab.cli;
