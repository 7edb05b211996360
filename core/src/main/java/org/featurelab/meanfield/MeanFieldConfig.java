package org.featurelab.meanfield;

/**
 * Settings of the particle mean-field solver ({@link MeanFieldSolver}).
 *
 * @param kappa         noise level κ &gt; 0 (SGLD temperature T = 2κ²)
 * @param width         network width N ≥ 1 (a double: the N → ∞ limit is approached continuously)
 * @param gamma         output scaling exponent γ ≥ 0 of f = N^{−γ} Σ aᵢφ(wᵢᵀx) (½ in the paper)
 * @param priors        σ_a², σ_w²
 * @param particles     number B ≥ 1 of particles sampling the single-neuron marginal p(w) ∝ exp(−U(w))
 * @param innerSteps    MALA steps on U per outer iteration (≥ 1), with the field r = y − f lagged one iteration
 * @param stepSize      initial MALA step h in units of the prior coordinate variance: h = stepSize·σ_w²/d, in
 *                      (0, 10]; the solver shrinks it (never grows it past this value) between outer
 *                      iterations toward acceptance 0.574
 *                      ({@link MeanFieldSolver}, {@link MeanFieldResult#finalStepSize()})
 * @param maxIterations outer iterations at most (≥ 1)
 * @param tolerance     convergence when ‖f_t − f_{t−1}‖/‖f_t‖ &lt; tolerance (&gt; 0); with ARD also
 *                      max_j |Δρ_j|/ρ_j &lt; tolerance
 * @param ard           the MF-ARD hyperprior, or null for the isotropic prior d/σ_w² (the default)
 */
public record MeanFieldConfig(double kappa, double width, double gamma, Priors priors, int particles, int innerSteps,
                              double stepSize, int maxIterations, double tolerance, ArdPrior ard) {
    public MeanFieldConfig {
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be positive and finite, got " + kappa);
        }
        requireParticleSettings(width, gamma, priors, particles, innerSteps, stepSize);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be positive and finite, got " + tolerance);
        }
    }

    /**
     * The checks shared with {@link PopulationParity.Config}: width N ≥ 1 and finite, γ ≥ 0 and finite, priors non-null,
     * particles ≥ 1, innerSteps ≥ 1, stepSize in (0, 10]; messages name the field.
     */
    static void requireParticleSettings(double width, double gamma, Priors priors, int particles, int innerSteps,
                                        double stepSize) {
        if (!(width >= 1) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("width must be >= 1 and finite, got " + width);
        }
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be >= 0 and finite, got " + gamma);
        }
        if (priors == null) {
            throw new IllegalArgumentException("priors must not be null");
        }
        if (particles < 1) {
            throw new IllegalArgumentException("particles must be >= 1, got " + particles);
        }
        if (innerSteps < 1) {
            throw new IllegalArgumentException("innerSteps must be >= 1, got " + innerSteps);
        }
        if (!(stepSize > 0) || !(stepSize <= 10)) {
            throw new IllegalArgumentException("stepSize must be in (0, 10], got " + stepSize);
        }
    }

    /** Without ARD (the isotropic prior). */
    public MeanFieldConfig(double kappa, double width, double gamma, Priors priors, int particles, int innerSteps,
                           double stepSize, int maxIterations, double tolerance) {
        this(kappa, width, gamma, priors, particles, innerSteps, stepSize, maxIterations, tolerance, null);
    }

    /** The same settings with the MF-ARD prior {@code a} (null: ARD off). */
    public MeanFieldConfig withArd(ArdPrior a) {
        return new MeanFieldConfig(kappa, width, gamma, priors, particles, innerSteps, stepSize, maxIterations,
                tolerance, a);
    }

    /**
     * γ = ½, standard priors, B = 4000, 5 MALA steps per iteration starting at 0.2·σ_w²/d, ≤ 200 iterations, tolerance 0.03.
     * The relative change of f has a Monte-Carlo floor of order 1/√B (measured ≈ 0.02 at B = 4000,
     * docs/mean-field.md), so the tolerance must stay above it: keep tolerance ≳ 2/√B when changing B.
     */
    public static MeanFieldConfig defaults(double kappa, double width) {
        return new MeanFieldConfig(kappa, width, 0.5, Priors.standard(), 4000, 5, 0.2, 200, 0.03);
    }

    public MeanFieldConfig withParticles(int b) {
        return new MeanFieldConfig(kappa, width, gamma, priors, b, innerSteps, stepSize, maxIterations, tolerance, ard);
    }

    public MeanFieldConfig withPriors(Priors p) {
        return new MeanFieldConfig(kappa, width, gamma, p, particles, innerSteps, stepSize, maxIterations, tolerance, ard);
    }

    public MeanFieldConfig withWidth(double n) {
        return new MeanFieldConfig(kappa, n, gamma, priors, particles, innerSteps, stepSize, maxIterations, tolerance, ard);
    }

    public MeanFieldConfig withIterations(int maxIter, double tol) {
        return new MeanFieldConfig(kappa, width, gamma, priors, particles, innerSteps, stepSize, maxIter, tol, ard);
    }

    public MeanFieldConfig withSteps(int inner, double step) {
        return new MeanFieldConfig(kappa, width, gamma, priors, particles, inner, step, maxIterations, tolerance, ard);
    }
}
