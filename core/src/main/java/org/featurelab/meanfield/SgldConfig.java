package org.featurelab.meanfield;

import org.featurelab.linalg.Arithmetic;

/**
 * Settings of full-batch SGLD ({@link Sgld}).
 *
 * @param kappa        κ &gt; 0, the noise level; the temperature is T = 2κ² ({@link #temperature()})
 * @param stepSize     η &gt; 0, finite
 * @param steps        number of SGLD steps of {@link Sgld#runInPlace}, ≥ 0
 * @param seed         seed of the Gaussian noise ξ (java.util.SplittableRandom)
 * @param burnIn       steps before the first recording, 0 ≤ burnIn
 * @param recordEvery  recording interval in steps, ≥ 1: the listener sees steps t &gt; burnIn with t − burnIn a
 *                     multiple of it (t counted from 1)
 * @param freezeHidden when true the hidden weights W stay fixed and only the readout a is sampled
 * @param arithmetic   {@link Arithmetic#FLOAT64}, or {@link Arithmetic#MIXED}: the forward and backward GEMMs of a step in
 *                     float32, parameters, updates, noise, residuals and loss in float64 (see {@link Sgld})
 */
public record SgldConfig(double kappa, double stepSize, long steps, long seed, long burnIn, long recordEvery,
                         boolean freezeHidden, Arithmetic arithmetic) {
    public SgldConfig {
        if (arithmetic != Arithmetic.FLOAT64 && arithmetic != Arithmetic.MIXED) {
            throw new IllegalArgumentException("arithmetic must be float64 or mixed, got "
                    + (arithmetic == null ? "none" : arithmetic.label()));
        }
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be positive and finite, got " + kappa);
        }
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("stepSize must be positive and finite, got " + stepSize);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (burnIn < 0) {
            throw new IllegalArgumentException("burnIn must be >= 0, got " + burnIn);
        }
        if (recordEvery < 1) {
            throw new IllegalArgumentException("recordEvery must be >= 1, got " + recordEvery);
        }
    }

    /** κ, η, steps and seed; no burn-in, recording every step, all parameters sampled, float64. */
    public static SgldConfig of(double kappa, double stepSize, long steps, long seed) {
        return new SgldConfig(kappa, stepSize, steps, seed, 0, 1, false, Arithmetic.FLOAT64);
    }

    /** T = 2κ², the temperature: the chain's stationary density is ∝ exp(−L/T) × prior. */
    public double temperature() {
        return 2 * kappa * kappa;
    }

    public SgldConfig withSteps(long newSteps) {
        return new SgldConfig(kappa, stepSize, newSteps, seed, burnIn, recordEvery, freezeHidden, arithmetic);
    }

    public SgldConfig withSeed(long newSeed) {
        return new SgldConfig(kappa, stepSize, steps, newSeed, burnIn, recordEvery, freezeHidden, arithmetic);
    }

    public SgldConfig withRecording(long newBurnIn, long newRecordEvery) {
        return new SgldConfig(kappa, stepSize, steps, seed, newBurnIn, newRecordEvery, freezeHidden, arithmetic);
    }

    public SgldConfig withFreezeHidden(boolean freeze) {
        return new SgldConfig(kappa, stepSize, steps, seed, burnIn, recordEvery, freeze, arithmetic);
    }

    public SgldConfig withArithmetic(Arithmetic newArithmetic) {
        return new SgldConfig(kappa, stepSize, steps, seed, burnIn, recordEvery, freezeHidden, newArithmetic);
    }
}
