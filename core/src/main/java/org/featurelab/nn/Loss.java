package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

/**
 * Per-sample loss ℓᵢ = ℓ(f(xᵢ), yᵢ) on a row-major batch: outputs F (n×c), targets Y (n×c). The training loss is
 * the mean (1/n)Σᵢ ℓᵢ (see {@link Objective}).
 * <ul>
 *   <li>{@link MeanSquared}: ℓᵢ = ½‖f(xᵢ) − yᵢ‖² (constant ½, summed over outputs); ∇_f ℓᵢ = f(xᵢ) − yᵢ.</li>
 *   <li>{@link SoftmaxCrossEntropy}: ℓᵢ = −Σ_c y_ic·log softmax(f(xᵢ))_c with Y one-hot (or rows of
 *       probabilities); ∇_f ℓᵢ = (Σ_c y_ic)·softmax(f(xᵢ)) − yᵢ.</li>
 * </ul>
 */
public sealed interface Loss permits Loss.MeanSquared, Loss.SoftmaxCrossEntropy {
    Loss MEAN_SQUARED = new MeanSquared();
    Loss SOFTMAX_CROSS_ENTROPY = new SoftmaxCrossEntropy();

    /** Σᵢ ℓᵢ over the rows. */
    double sum(Matrix outputs, Matrix targets);

    /** The n×c matrix whose row i is ∇_f ℓᵢ (the per-sample gradient, without any 1/n). */
    Matrix perSampleGradient(Matrix outputs, Matrix targets);

    String name();

    /** (1/n)Σᵢ ℓᵢ. */
    default double mean(Matrix outputs, Matrix targets) {
        return sum(outputs, targets) / outputs.rows();
    }

    static Loss parse(String name) {
        return switch (name) {
            case "mse" -> MEAN_SQUARED;
            case "ce" -> SOFTMAX_CROSS_ENTROPY;
            default -> throw new IllegalArgumentException("loss: unknown '" + name + "' (mse, ce)");
        };
    }

    private static void requireSameShape(String what, Matrix outputs, Matrix targets) {
        if (outputs.rows() != targets.rows() || outputs.cols() != targets.cols()) {
            throw new IllegalArgumentException(what + ": outputs are " + outputs.shape() + ", targets are " + targets.shape());
        }
    }

    /** ℓᵢ = ½‖f(xᵢ) − yᵢ‖². */
    record MeanSquared() implements Loss {
        public double sum(Matrix outputs, Matrix targets) {
            requireSameShape("mse", outputs, targets);
            double[] f = outputs.data();
            double[] y = targets.data();
            double s = 0;
            for (int i = 0; i < f.length; i++) {
                double r = f[i] - y[i];
                s += r * r;
            }
            return 0.5 * s;
        }

        public Matrix perSampleGradient(Matrix outputs, Matrix targets) {
            requireSameShape("mse", outputs, targets);
            return outputs.minus(targets);
        }

        public String name() {
            return "mse";
        }
    }

    /** ℓᵢ = −Σ_c y_ic·log softmax(f(xᵢ))_c, computed with a stable log-sum-exp. */
    record SoftmaxCrossEntropy() implements Loss {
        public double sum(Matrix outputs, Matrix targets) {
            requireSameShape("cross-entropy", outputs, targets);
            int c = outputs.cols();
            double[] f = outputs.data();
            double[] y = targets.data();
            double s = 0;
            for (int i = 0; i < outputs.rows(); i++) {
                double lse = logSumExp(f, i * c, c);
                for (int k = 0; k < c; k++) {
                    double yk = y[i * c + k];
                    if (yk != 0) {
                        s -= yk * (f[i * c + k] - lse);
                    }
                }
            }
            return s;
        }

        public Matrix perSampleGradient(Matrix outputs, Matrix targets) {
            requireSameShape("cross-entropy", outputs, targets);
            int c = outputs.cols();
            Matrix g = Matrix.zeros(outputs.rows(), c);
            double[] f = outputs.data();
            double[] y = targets.data();
            double[] o = g.data();
            for (int i = 0; i < outputs.rows(); i++) {
                double lse = logSumExp(f, i * c, c);
                double mass = 0;
                for (int k = 0; k < c; k++) {
                    mass += y[i * c + k];
                }
                for (int k = 0; k < c; k++) {
                    o[i * c + k] = mass * Math.exp(f[i * c + k] - lse) - y[i * c + k];
                }
            }
            return g;
        }

        public String name() {
            return "ce";
        }

        private static double logSumExp(double[] f, int offset, int c) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                max = Math.max(max, f[offset + k]);
            }
            double s = 0;
            for (int k = 0; k < c; k++) {
                s += Math.exp(f[offset + k] - max);
            }
            return max + Math.log(s);
        }
    }
}
