package org.featurelab.rfm;

import org.featurelab.kernel.Gaussian;
import org.featurelab.kernel.Kernel;
import org.featurelab.kernel.KernelBasis;
import org.featurelab.kernel.KernelRidge;
import org.featurelab.kernel.Laplace;
import org.featurelab.kernel.Metric;
import org.featurelab.kernel.ProductLaplace;
import org.featurelab.kernel.TrainingGram;
import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.featurelab.testing.Close.assertClose;
import static org.featurelab.testing.Close.relativeError;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AGOP and FACT against their definitions, one training point at a time. */
class FeatureMatricesTest {

    static Stream<Arguments> radial() {
        return Stream.of(Arguments.of(new Laplace(2.5), false), Arguments.of(new Laplace(2.5), true),
                Arguments.of(new Gaussian(2.0), false), Arguments.of(new Gaussian(2.0), true));
    }

    static Stream<Arguments> all() {
        return Stream.concat(radial(), Stream.of(Arguments.of(new ProductLaplace(3.0), false)));
    }

    /** A kernel ridge predictor on random data: the basis and its α (n = 40, d = 5, c = 3). */
    record Predictor(KernelBasis basis, Matrix alpha, Matrix x, Metric metric) {
        /** The training Gram of the fit path: K with the gradient weights of the pass (radial kernels). */
        TrainingGram gram() {
            return basis.trainingGram(Arithmetic.FLOAT64);
        }

        /** A training Gram that holds K only: gradients recompute their weights block by block. */
        TrainingGram kOnly() {
            return TrainingGram.of(basis.gram(x), Arithmetic.FLOAT64);
        }
    }

    static Predictor predictor(Kernel kernel, boolean diagonal) {
        Matrix x = RandomData.gaussian(40, 5, 21);
        Matrix y = RandomData.gaussian(40, 3, 22);
        Metric metric = RandomData.metric(5, diagonal, 23);
        KernelBasis basis = kernel.basis(x, metric);
        Matrix alpha = KernelRidge.solve(basis.gram(x), y, 0.05).alpha();
        return new Predictor(basis, alpha, x, metric);
    }

    /** Jacobian J (c×d) of f at training point i, from the single-query gradient path. */
    static Matrix jacobian(KernelBasis basis, Matrix alpha, Matrix x, int i) {
        Matrix g = basis.gradients(x.rowRange(i, i + 1), alpha);
        return g.viewAs(alpha.cols(), x.cols());
    }

    @ParameterizedTest
    @MethodSource("radial")
    void laplaceClosedFormOfFactEqualsDirectDefinition(Kernel kernel, boolean diagonal) {
        Predictor p = predictor(kernel, diagonal);
        KernelBasis basis = p.basis();
        Matrix alpha = p.alpha();
        Matrix x = p.x();
        int n = x.rows();
        int d = x.cols();
        Matrix direct = Matrix.zeros(d, d);   // (1/n) Σᵢ Jᵢᵀ αᵢ xᵢᵀ
        for (int i = 0; i < n; i++) {
            Matrix jt = jacobian(basis, alpha, x, i).transpose();                 // d×c
            Matrix jta = jt.times(alpha.rowRange(i, i + 1).transpose());          // d×1
            direct.addInPlace(1.0 / n, jta.times(x.rowRange(i, i + 1)));
        }
        Matrix closed = FeatureMatrices.factClosedForm((org.featurelab.kernel.RadialBasis) basis, p.gram(), alpha);
        assertTrue(relativeError(closed, direct) < 1e-10, "closed form vs definition: " + relativeError(closed, direct));
        assertClose(FeatureMatrices.factByDefinition(basis, p.kOnly(), alpha), direct, 1e-9, 1e-12, "batched definition");
    }

    @ParameterizedTest
    @MethodSource("all")
    void agopEqualsMeanOfJacobianGramAndCenteringSubtractsMeanGradient(Kernel kernel, boolean diagonal) {
        Predictor p = predictor(kernel, diagonal);
        KernelBasis basis = p.basis();
        Matrix alpha = p.alpha();
        Matrix x = p.x();
        int n = x.rows();
        int d = x.cols();
        int c = alpha.cols();
        Matrix direct = Matrix.zeros(d, d);
        Matrix mean = Matrix.zeros(c, d);
        for (int i = 0; i < n; i++) {
            Matrix j = jacobian(basis, alpha, x, i);
            direct.addInPlace(1.0 / n, j.transposeTimes(j));
            mean.addInPlace(1.0 / n, j);
        }
        assertClose(FeatureMatrices.agop(basis, p.gram(), alpha, false), direct, 1e-9, 1e-13, "AGOP");
        assertClose(FeatureMatrices.agop(basis, p.kOnly(), alpha, false), direct, 1e-9, 1e-13, "AGOP, weights per block");
        Matrix centered = direct.minus(mean.transposeTimes(mean));
        assertClose(FeatureMatrices.agop(basis, p.gram(), alpha, true), centered, 1e-9, 1e-13, "centred AGOP");
    }

    @ParameterizedTest
    @MethodSource("radial")
    void heldTrainingWeightsGiveTheSameMatricesAndAreNotConsumed(Kernel kernel, boolean diagonal) {
        Predictor p = predictor(kernel, diagonal);
        KernelBasis basis = p.basis();
        Matrix alpha = p.alpha();
        TrainingGram kOnly = p.kOnly();
        Matrix factRef = FeatureMatrices.fact(basis, kOnly, alpha);
        Matrix agopRef = FeatureMatrices.agop(basis, kOnly, alpha, false);
        TrainingGram held = p.gram();   // the path Rfm.fit takes: W(X, X) kept from the Gram pass
        assertInstanceOf(TrainingGram.Weights.Float64.class, held.weights());
        for (int round = 0; round < 2; round++) {   // repeated calls must not see weights altered by earlier ones
            assertClose(FeatureMatrices.fact(basis, held, alpha), factRef, 1e-10, 1e-13, "FACT from held W, round " + round);
            assertClose(FeatureMatrices.agop(basis, held, alpha, false), agopRef, 1e-10, 1e-13, "AGOP from held W, round " + round);
            assertClose(FeatureMatrices.factByDefinition(basis, held, alpha), factRef, 1e-9, 1e-12, "FACT by definition, round " + round);
        }
    }

    @ParameterizedTest
    @MethodSource("radial")
    void factEqualsLossGradientFormWithRidge(Kernel kernel, boolean diagonal) {
        // FACT = −(1/(nλ)) Σᵢ ∇ₓℓᵢ xᵢᵀ with ℓᵢ = ½‖f(xᵢ) − yᵢ‖², ∇ₓℓᵢ = Jᵢᵀ(f(xᵢ) − yᵢ)
        Matrix x = RandomData.gaussian(30, 4, 31);
        Matrix y = RandomData.gaussian(30, 2, 32);
        double ridge = 0.2;
        KernelBasis basis = kernel.basis(x, RandomData.metric(4, diagonal, 33));
        Matrix alpha = KernelRidge.solve(basis.gram(x), y, ridge).alpha();
        Matrix residual = basis.predict(x, alpha).minus(y);
        int n = x.rows();
        Matrix expected = Matrix.zeros(4, 4);
        for (int i = 0; i < n; i++) {
            Matrix grad = jacobian(basis, alpha, x, i).transposeTimes(residual.rowRange(i, i + 1).transpose());
            expected.addInPlace(-1.0 / (n * ridge), grad.times(x.rowRange(i, i + 1)));
        }
        Matrix fact = FeatureMatrices.fact(basis, basis.trainingGram(Arithmetic.FLOAT64), alpha);
        assertTrue(relativeError(fact, expected) < 1e-8, "FACT vs loss-gradient form: " + relativeError(fact, expected));
    }
}
