package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopulationParityTest {
    /** ĉ and Σ of the Gaussian off-support reduction against brute force over the cube with z ~ N(0, s²) by quadrature. */
    @Test
    void coefficientAndSecondMomentMatchDirectIntegration() {
        int d = 9;
        int k = 3;
        PopulationMarginal pm = new PopulationMarginal(d, k, 0.1, 16, 0.5, Priors.standard(), 0.0);
        double[] ws = {0.4, -0.7, 0.25};
        double s = 0.6;
        Matrix p = Matrix.wrap(1, k + 1, new double[]{ws[0], ws[1], ws[2], Math.log(s)});
        PopulationMarginal.Statistics st = pm.statistics(p);
        double c = 0;
        double sig = 0;
        int grid = 200_001;
        double lim = 10;
        double dz = 2 * lim / (grid - 1);
        for (int sign = 0; sign < 8; sign++) {
            double a = 0;
            double chi = 1;
            for (int i = 0; i < k; i++) {
                double sg = ((sign >> i) & 1) == 0 ? 1 : -1;
                a += sg * ws[i];
                chi *= sg;
            }
            double e1 = 0;
            double e2 = 0;
            for (int g = 0; g < grid; g++) {
                double z = -lim + g * dz;
                double wgt = (g == 0 || g == grid - 1 ? 0.5 : 1) * dz * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
                double relu = Math.max(0, a + s * z);
                e1 += wgt * relu;
                e2 += wgt * relu * relu;
            }
            c += chi * e1 / 8;
            sig += e2 / 8;
        }
        assertEquals(c, st.coefficient()[0], 1e-9);
        assertEquals(sig, st.secondMoment()[0], 1e-9);
    }

    /** ∇U against central differences of U at random particles and a non-zero field. */
    @Test
    void gradientMatchesFiniteDifferences() {
        int k = 4;
        PopulationMarginal pm = new PopulationMarginal(12, k, 0.05, 64, 0.5, Priors.standard(), 0.3);
        SplittableRandom rng = new SplittableRandom(3);
        Matrix w = Matrix.zeros(5, k + 1);
        for (int i = 0; i < w.data().length; i++) {
            w.data()[i] = 0.5 * rng.nextGaussian();
        }
        Mala.Point pt = pm.evaluate(w);
        double eps = 1e-6;
        for (int i = 0; i < w.data().length; i++) {
            Matrix plus = w.copy();
            Matrix minus = w.copy();
            plus.data()[i] += eps;
            minus.data()[i] -= eps;
            int b = i / (k + 1);
            double fd = (pm.statistics(plus).energy()[b] - pm.statistics(minus).energy()[b]) / (2 * eps);
            assertEquals(fd, pt.gradient().data()[i], 1e-5 * Math.max(1, Math.abs(fd)));
        }
    }

    /**
     * The kernel limit of the finite-width theory at P → ∞: at N → ∞ the particles stay at the prior and
     * Q = σ_a²λ_S/κ², λ_S the exact cube eigenvalue of the NNGP kernel. The Gaussian off-support reduction adds a bias
     * that must shrink with d (measured ≈ 1.3/d for k = 2, docs/mean-field.md); the Monte-Carlo part is bounded by
     * 4 standard errors.
     */
    @Test
    void infiniteWidthGivesTheKernelEigenvalue() {
        double previous = Double.POSITIVE_INFINITY;
        for (int d : new int[]{20, 60}) {
            double lambda = NngpKernel.parityEigenvalue(d, 2, Priors.standard());
            double kappa = Math.sqrt(lambda);
            PopulationParity.Config c = PopulationParity.Config.defaults(d, 2, 1e12).withParticles(8000).withIterations(40);
            PopulationParity.Solution s = PopulationParity.solve(kappa, c, PopulationParity.priorState(c, new SplittableRandom(d)),
                    new SplittableRandom(d + 1));
            double err = Math.abs(s.q() - 1);
            assertTrue(err <= 2.5 / d + 4 * s.qStandardError(), "d = " + d + ": Q = " + s.q() + " ± " + s.qStandardError());
            assertTrue(s.residual() < 0.02, "residual " + s.residual());
            previous = Math.min(previous, err);
        }
        // the exact eigenvalue itself: λ_S = E_w[ĉ_S²] equals the Krawtchouk sum; at k = 0 it is E_x,x' K = E_w[(Eφ)²]
        double d = 10;
        double lambda0 = NngpKernel.parityEigenvalue(10, 0, Priors.standard());
        assertTrue(lambda0 > 0 && lambda0 < 0.5 / d * d, "λ_∅ " + lambda0);
    }

    /** Odd k ≥ 3: f(x) − f(−x) = Σ aᵢwᵢᵀx is linear, so a bias-free ReLU neuron has ĉ_S = 0 and λ_S = 0 exactly. */
    @Test
    void oddParityIsInvisibleToBiasFreeRelu() {
        assertEquals(0, NngpKernel.parityEigenvalue(15, 3, Priors.standard()), 1e-15);
        PopulationMarginal pm = new PopulationMarginal(15, 3, 0.1, 64, 0.5, Priors.standard(), 0);
        Matrix w = Matrix.wrap(1, 4, new double[]{0.9, -0.3, 0.5, Math.log(0.4)});
        assertEquals(0, pm.statistics(w).coefficient()[0], 1e-15);
        assertTrue(NngpKernel.parityEigenvalue(15, 4, Priors.standard()) > 1e-9);
    }

    /**
     * Symmetry breaking at P → ∞ (d = 35, k = 4, N = 512, the paper's parity setting): the disordered branch has
     * m ≈ 0 at large κ; the ordered branch has m ≥ 0.8 at small κ and ends (m falls through ½) at a κ_c between
     * 2e-3 and 2e-2; the disordered branch never lies above the ordered one (hysteresis of a first-order transition).
     */
    @Test
    void continuationFindsBothBranches() {
        PopulationParity.Config c = PopulationParity.Config.defaults(35, 4, 512).withParticles(1000).withIterations(60);
        double[] kappas = {2e-2, 5e-3, 1.5e-3, 5e-4, 2.5e-4};
        PopulationParity.Continuation co = PopulationParity.continuation(kappas, c, new SplittableRandom(11));
        int n = kappas.length;
        assertTrue(co.down().get(0).m() < 0.01, "disordered m at κ = 0.02: " + co.down().get(0).m());
        assertTrue(co.up().get(0).m() > 0.8, "ordered m at the smallest κ: " + co.up().get(0).m());
        double up = co.criticalKappaUp();
        assertTrue(up > 2e-3 && up < 2e-2, "κ_c up " + up);
        for (int i = 0; i < n; i++) {
            PopulationParity.Solution lo = co.down().get(i);
            PopulationParity.Solution hi = co.up().get(n - 1 - i);
            assertEquals(lo.kappa(), hi.kappa(), 0.0);
            assertTrue(lo.m() <= hi.m() + 0.02, "κ = " + lo.kappa() + ": disordered " + lo.m() + ", ordered " + hi.m());
            assertTrue(hi.residual() < 0.05, "residual " + hi.residual() + " at κ = " + hi.kappa());
        }
        double down = co.criticalKappaDown();
        assertTrue(Double.isNaN(down) || down < up, "κ_c down " + down + " vs up " + up);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> PopulationParity.Config.defaults(4, 4, 64));
        assertThrows(IllegalArgumentException.class, () -> PopulationParity.Config.defaults(10, 2, 0.5));
        PopulationParity.Config c = PopulationParity.Config.defaults(10, 2, 64).withParticles(10);
        PopulationParity.State s = PopulationParity.priorState(c, new SplittableRandom(1));
        assertThrows(IllegalArgumentException.class, () -> PopulationParity.solve(0, c, s, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> PopulationParity.solve(Double.NaN, c, s, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class,
                () -> PopulationParity.continuation(new double[]{0.1, 0.2}, c, new SplittableRandom(1)));
    }

    @Test
    void sameSeedSameNumbers() {
        PopulationParity.Config c = PopulationParity.Config.defaults(12, 2, 64).withParticles(200).withIterations(8);
        double[] kappas = {0.1, 0.03};
        PopulationParity.Continuation a = PopulationParity.continuation(kappas, c, new SplittableRandom(5));
        PopulationParity.Continuation b = PopulationParity.continuation(kappas, c, new SplittableRandom(5));
        assertEquals(a.down().get(1).m(), b.down().get(1).m(), 0.0);
        assertEquals(a.up().get(1).q(), b.up().get(1).q(), 0.0);
    }
}
