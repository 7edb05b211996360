/**
 * Speed benchmarks ({@code featurelab speed rfm|mlp|sgld}): fixed workloads timed phase by phase, with their flop counts,
 * so that a run reports GFLOP/s next to the machine's GEMM rate measured in the same run.
 * {@link org.featurelab.speed.RfmSpeed} times one RFM fit (Gram, solve, gradients, update);
 * {@link org.featurelab.speed.MlpSpeed} times MLP training steps (float64 network or the float32 MLP);
 * {@link org.featurelab.speed.SgldSpeed} times full-batch SGLD steps of the mean-field network. Accuracy on
 * dataset collections is {@code org.featurelab.benchmark}'s job.
 *
 * <p>Depends on {@code base}, {@code linalg}, {@code kernel}, {@code rfm}, {@code nn} and {@code meanfield}.
 */
package org.featurelab.speed;
