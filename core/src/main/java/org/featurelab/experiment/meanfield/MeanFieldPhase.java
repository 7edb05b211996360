package org.featurelab.experiment.meanfield;

import org.featurelab.base.ParallelJobs;
import org.featurelab.base.Progress;
import org.featurelab.meanfield.NngpKernel;
import org.featurelab.meanfield.PopulationParity;
import org.featurelab.meanfield.Priors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The P–κ phase diagram of the mean-field model on sparse parity (docs/experiments.md, "mean-field-phase"):
 * <ul>
 *   <li>the grid: {@link MeanFieldCurves} at every (κ, P, seed) for SGLD, MF, MF-ARD and the NNGP kernel;</li>
 *   <li>P_c(κ) per method: the first P of the grid whose seed-mean m_S exceeds ½ (none if no P does);</li>
 *   <li>the population limit P → ∞ ({@link PopulationParity}): m_S along a log grid of κ from the disordered start
 *       (down) and from the ordered start (up), κ_c of each sweep, and the kernel's κ_c = σ_a·√λ_S where
 *       m = σ_a²λ_S/(σ_a²λ_S + κ²) crosses ½ (λ_S exact, {@link NngpKernel#parityEigenvalue});</li>
 *   <li>how closely MF and MF-ARD track SGLD: the mean over the grid of |m̄_S(method) − m̄_S(sgld)| and the same for
 *       the test MSE.</li>
 * </ul>
 * The population sweeps use {@code SplittableRandom(seed + seeds)} split into the down and the up sweep; both run in
 * parallel. Same config → same numbers.
 */
public final class MeanFieldPhase {
    /** The order parameter threshold that defines P_c and κ_c. */
    public static final double THRESHOLD = 0.5;

    private MeanFieldPhase() {
    }

    /**
     * Settings.
     *
     * @param curves              the grid (d, k, N, P, κ, seeds, SGLD and MF settings)
     * @param populationParticles B of the population solver ≥ 1
     * @param populationIterations outer iterations per κ of the population solver ≥ 4
     * @param populationPoints    κ values of the population sweeps ≥ 2, log-spaced over [κ_min/4, 4κ_max] of the grid
     */
    public record Config(MeanFieldCurves.Config curves, int populationParticles, int populationIterations,
                         int populationPoints) {
        public Config {
            if (curves == null) {
                throw new IllegalArgumentException("curves must not be null");
            }
            if (populationParticles < 1) {
                throw new IllegalArgumentException("populationParticles must be >= 1, got " + populationParticles);
            }
            if (populationIterations < 4) {
                throw new IllegalArgumentException("populationIterations must be >= 4, got " + populationIterations);
            }
            if (populationPoints < 2) {
                throw new IllegalArgumentException("populationPoints must be >= 2, got " + populationPoints);
            }
        }

        /**
         * d = 12, k = 4, N = 64, P = 32 … 1024 (doubling), κ ∈ {0.0025, 0.005, 0.01, 0.02, 0.04}, 3 seeds, 20 000 SGLD
         * steps (η = 0.01), B = 1000 MF particles, 60 iterations; population B = 2000, 120 iterations, 16 κ values.
         * Sized for ≤ 30 minutes on 2 cores (docs/experiments.md gives the measured time and why these values).
         */
        public static Config defaults() {
            MeanFieldCurves.Config g = new MeanFieldCurves.Config(12, 4, 64, new int[]{32, 64, 128, 256, 512, 1024},
                    new double[]{0.0025, 0.005, 0.01, 0.02, 0.04}, 3, 2000, 20_000, 0.01, 6000, 50, 1000, 60, 0);
            return new Config(g, 2000, 120, 16);
        }

        /**
         * d = 10, k = 4, N = 64, P ∈ {64, 256, 1024}, κ ∈ {0.005, 0.04}, 1 seed, 6 000 SGLD steps; population B = 500:
         * about 30 s. (N = 32 would cap the MF order parameter below ½: Q ≤ N·max_w ĉ²/Σ, docs/mean-field.md.)
         */
        public static Config quick() {
            MeanFieldCurves.Config g = new MeanFieldCurves.Config(10, 4, 64, new int[]{64, 256, 1024},
                    new double[]{0.005, 0.04}, 1, 1000, 6000, 0.01, 2000, 20, 400, 30, 0);
            return new Config(g, 500, 60, 8);
        }

        /**
         * The paper's parity setting (../shared/REFERENCE.md §9): d = 35, k = 4, N = 512, P = 10 … 10 000, κ from 5e-4 to
         * 7.5e-2, 7.5M SGLD steps of η = 5e-4. Accelerator-scale: docs/experiments.md gives its estimated cost here.
         */
        public static Config paper() {
            MeanFieldCurves.Config g = new MeanFieldCurves.Config(35, 4, 512,
                    new int[]{10, 30, 100, 300, 1000, 3000, 10_000}, new double[]{5e-4, 2e-3, 7.5e-3, 2e-2, 7.5e-2}, 3, 5000,
                    7_500_000, 5e-4, 2_500_000, 5000, 4000, 200, 0);
            return new Config(g, 4000, 200, 24);
        }

        public Config withCurves(MeanFieldCurves.Config g) {
            return new Config(g, populationParticles, populationIterations, populationPoints);
        }

        public Config withSeed(long seed) {
            return withCurves(curves.withSeed(seed));
        }

        /** The population κ grid, decreasing: populationPoints values log-spaced from 4κ_max down to κ_min/4. */
        public double[] populationKappas() {
            double[] ks = curves.kappas();
            double hi = 4 * Arrays.stream(ks).max().orElseThrow();
            double lo = Arrays.stream(ks).min().orElseThrow() / 4;
            double[] out = new double[populationPoints];
            for (int i = 0; i < populationPoints; i++) {
                out[i] = Math.exp(Math.log(hi) + i * (Math.log(lo) - Math.log(hi)) / (populationPoints - 1));
            }
            return out;
        }
    }

    /** P_c of one method at one κ; {@code p} is −1 when no P of the grid reaches m_S &gt; ½. */
    public record CriticalSize(String method, double kappa, int p) {
    }

    /**
     * The phase diagram.
     *
     * @param grid       the (κ, P, seed) runs
     * @param critical   P_c per method and κ, methods in {@link MeanFieldCurves#METHODS} order
     * @param population the population sweeps, or null when d = k (no off-support coordinates)
     * @param lambdaS    the kernel's exact eigenvalue on χ_S
     * @param tracking   per method other than sgld: mean |m̄_S − m̄_S(sgld)| over the grid
     * @param trackingMse per method other than sgld: mean |test MSE − test MSE(sgld)| over the grid
     */
    public record Result(MeanFieldCurves.Result grid, List<CriticalSize> critical, PopulationParity.Continuation population,
                         double lambdaS, Map<String, Double> tracking, Map<String, Double> trackingMse) {
        public Result {
            critical = List.copyOf(critical);
            tracking = Map.copyOf(tracking);
            trackingMse = Map.copyOf(trackingMse);
        }

        /** The kernel's population κ_c = σ_a·√λ_S (σ_a² = 1 here). */
        public double kernelCriticalKappa() {
            return Math.sqrt(lambdaS);
        }
    }

    /** Runs the grid, then the population sweeps. */
    public static Result run(Config c, Progress progress) {
        MeanFieldCurves.Config g = c.curves();
        MeanFieldCurves.Result grid = MeanFieldCurves.run(g, progress);
        List<CriticalSize> critical = new ArrayList<>();
        for (String m : MeanFieldCurves.METHODS) {
            for (double kappa : g.kappas()) {
                critical.add(new CriticalSize(m, kappa, criticalSize(grid.curves(), m, kappa)));
            }
        }
        Map<String, Double> tracking = new LinkedHashMap<>();
        Map<String, Double> trackingMse = new LinkedHashMap<>();
        for (String m : MeanFieldCurves.METHODS) {
            if (!m.equals("sgld")) {
                tracking.put(m, distance(grid.curves(), m, true));
                trackingMse.put(m, distance(grid.curves(), m, false));
            }
        }
        PopulationParity.Continuation population = g.dimension() > g.k() ? population(c, progress) : null;
        double lambda = NngpKernel.parityEigenvalue(g.dimension(), g.k(), Priors.standard());
        return new Result(grid, critical, population, lambda, tracking, trackingMse);
    }

    private static PopulationParity.Continuation population(Config c, Progress progress) {
        MeanFieldCurves.Config g = c.curves();
        PopulationParity.Config pc = PopulationParity.Config.defaults(g.dimension(), g.k(), g.width())
                .withParticles(c.populationParticles()).withIterations(c.populationIterations());
        double[] down = c.populationKappas();
        double[] up = new double[down.length];
        for (int i = 0; i < up.length; i++) {
            up[i] = down[down.length - 1 - i];
        }
        SplittableRandom root = new SplittableRandom(g.seed() + g.seeds());
        SplittableRandom rDown = root.split();
        SplittableRandom rUp = root.split();
        List<List<PopulationParity.Solution>> sweeps = ParallelJobs.map(2, ParallelJobs.defaultThreads(), i -> i == 0
                ? PopulationParity.sweep(down, pc, PopulationParity.priorState(pc, rDown), rDown)
                : PopulationParity.sweep(up, pc, PopulationParity.orderedState(pc, rUp), rUp));
        PopulationParity.Continuation co = new PopulationParity.Continuation(sweeps.get(0), sweeps.get(1));
        progress.message(String.format(Locale.ROOT, "mean-field-phase population: κ_c down %.3g, up %.3g",
                co.criticalKappaDown(), co.criticalKappaUp()));
        return co;
    }

    /** The first P of the grid whose seed-mean m_S exceeds ½ for (method, κ), or −1. */
    static int criticalSize(List<MeanFieldCurves.Curve> curves, String method, double kappa) {
        return curves.stream().filter(q -> q.method().equals(method) && q.kappa() == kappa && q.mMean() > THRESHOLD)
                .mapToInt(MeanFieldCurves.Curve::p).min().orElse(-1);
    }

    private static double distance(List<MeanFieldCurves.Curve> curves, String method, boolean orderParameter) {
        double s = 0;
        int n = 0;
        for (MeanFieldCurves.Curve q : curves) {
            if (!q.method().equals(method)) {
                continue;
            }
            MeanFieldCurves.Curve ref = curves.stream()
                    .filter(r -> r.method().equals("sgld") && r.kappa() == q.kappa() && r.p() == q.p()).findFirst().orElseThrow();
            s += orderParameter ? Math.abs(q.mMean() - ref.mMean()) : Math.abs(q.mseMean() - ref.mseMean());
            n++;
        }
        return s / n;
    }
}
