package org.featurelab.meanfield;

import org.featurelab.linalg.LU;
import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KernelLimitTest {

    @Test
    void ridgeIsKappaSquaredTimesPOverReadoutVariance() {
        assertClose(KernelLimit.ridge(0.5, 40, new Priors(2.0, 1.0)), 0.25 * 40 / 2.0, ROUNDOFF, 0, "ridge");
        assertThrows(IllegalArgumentException.class, () -> KernelLimit.ridge(0, 4, Priors.standard()));
        assertThrows(IllegalArgumentException.class, () -> KernelLimit.ridge(Double.NaN, 4, Priors.standard()));
    }

    /** The GP posterior mean written as prior covariance and noise, solved by LU: Σ_f(Σ_f + σ²I)⁻¹y. */
    @Test
    void equalsTheGaussianProcessPosteriorMeanSolvedIndependently() {
        SplittableRandom rng = new SplittableRandom(5);
        int p = 25;
        int d = 4;
        Matrix x = Matrix.gaussian(p, d, 1.0, rng);
        Matrix xt = Matrix.gaussian(7, d, 1.0, rng);
        double[] y = Matrix.gaussian(p, 1, 1.0, rng).data();
        Priors priors = new Priors(1.5, 0.8);
        double kappa = 0.3;
        KernelLimit fit = KernelLimit.fit(x, y, kappa, priors);

        Matrix sigmaF = NngpKernel.gram(x, priors).scale(priors.readoutVariance());
        Matrix noisy = sigmaF.copy();
        noisy.addToDiagonalInPlace(kappa * kappa * p);
        Matrix v = LU.factor(noisy).solve(Matrix.wrap(p, 1, y.clone()));
        double[] expectedTrain = sigmaF.times(v).data();
        double[] expectedTest = NngpKernel.block(xt, x, priors).scale(priors.readoutVariance()).times(v).data();
        assertClose(fit.trainPrediction(), expectedTrain, 1e-9, 1e-12, "train posterior mean");
        assertClose(fit.predict(xt), expectedTest, 1e-9, 1e-12, "test posterior mean");
        assertClose(fit.predict(x), fit.trainPrediction(), 1e-9, 1e-12, "predict at training points");
    }

    /** One training point: f(x₁) = K₁₁ y/(K₁₁ + λ), with K₁₁ = (σ_w²/d)‖x‖²/2. */
    @Test
    void singlePointByHand() {
        Matrix x = Matrix.of(new double[][]{{3, 4}}); // ‖x‖² = 25, d = 2
        Priors priors = new Priors(2.0, 1.0);
        double kappa = 1.0;
        KernelLimit fit = KernelLimit.fit(x, new double[]{2.0}, kappa, priors);
        double k11 = 0.5 * 25 / 2; // 6.25
        double lambda = 1.0 * 1 / 2.0; // 0.5
        assertClose(fit.trainPrediction()[0], k11 * 2.0 / (k11 + lambda), ROUNDOFF, 0, "f(x1)");
        // at x' = −x the ReLU kernel vanishes, so the prediction is the prior mean 0
        assertClose(fit.predict(Matrix.of(new double[][]{{-3, -4}}))[0], 0.0, 0, ROUNDOFF, "f(-x1)");
        // at x' = (4, −3) ⟂ x: K = (σ_w²/d)·5·5/(2π)
        double kOrth = 0.5 * 25 / (2 * Math.PI);
        assertClose(fit.predict(Matrix.of(new double[][]{{4, -3}}))[0], kOrth * 2.0 / (k11 + lambda), ROUNDOFF, 0,
                "f(orthogonal)");
    }
}
