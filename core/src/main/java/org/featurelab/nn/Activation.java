package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

/**
 * Element-wise activation σ applied to a layer's pre-activation U, with its derivative σ'.
 * A closed set: {@link Relu} σ(u) = max(u, 0) (σ'(0) taken as 0), {@link Identity} σ(u) = u (deep linear
 * chains and output layers), {@link Quadratic} σ(u) = u², {@link Tanh} σ(u) = tanh(u).
 */
public sealed interface Activation permits Activation.Relu, Activation.Identity, Activation.Quadratic, Activation.Tanh {
    Activation RELU = new Relu();
    Activation IDENTITY = new Identity();
    Activation QUADRATIC = new Quadratic();
    Activation TANH = new Tanh();

    /** σ(u). */
    double value(double u);

    /** σ'(u). */
    double derivative(double u);

    /** Short lower-case name ("relu", "identity", "quadratic", "tanh"). */
    String name();

    /** σ applied to every entry of {@code u}, as a new matrix ({@code u} itself for the identity). */
    default Matrix apply(Matrix u) {
        Matrix out = Matrix.zeros(u.rows(), u.cols());
        double[] a = u.data();
        double[] o = out.data();
        for (int i = 0; i < a.length; i++) {
            o[i] = value(a[i]);
        }
        return out;
    }

    /**
     * {@code g ⊙ σ'(u)} as a new matrix: the chain rule from ∂/∂H to ∂/∂U ({@code g} itself for the identity).
     */
    default Matrix backpropagate(Matrix g, Matrix u) {
        if (g.rows() != u.rows() || g.cols() != u.cols()) {
            throw new IllegalArgumentException("activation backward: gradient is " + g.shape() + ", pre-activation is " + u.shape());
        }
        Matrix out = Matrix.zeros(u.rows(), u.cols());
        double[] a = u.data();
        double[] gd = g.data();
        double[] o = out.data();
        for (int i = 0; i < a.length; i++) {
            o[i] = gd[i] * derivative(a[i]);
        }
        return out;
    }

    /** Parses a name as written by {@link #name()}. */
    static Activation parse(String name) {
        return switch (name) {
            case "relu" -> RELU;
            case "identity", "linear" -> IDENTITY;
            case "quadratic" -> QUADRATIC;
            case "tanh" -> TANH;
            default -> throw new IllegalArgumentException("activation: unknown '" + name + "' (relu, identity, quadratic, tanh)");
        };
    }

    /** σ(u) = max(u, 0); σ'(u) = 1 for u &gt; 0, else 0. */
    record Relu() implements Activation {
        public double value(double u) {
            return u > 0 ? u : 0.0;
        }

        public double derivative(double u) {
            return u > 0 ? 1.0 : 0.0;
        }

        public String name() {
            return "relu";
        }
    }

    /** σ(u) = u. */
    record Identity() implements Activation {
        public double value(double u) {
            return u;
        }

        public double derivative(double u) {
            return 1.0;
        }

        public String name() {
            return "identity";
        }

        @Override
        public Matrix apply(Matrix u) {
            return u;
        }

        @Override
        public Matrix backpropagate(Matrix g, Matrix u) {
            return g;
        }
    }

    /** σ(u) = u²; σ'(u) = 2u. */
    record Quadratic() implements Activation {
        public double value(double u) {
            return u * u;
        }

        public double derivative(double u) {
            return 2.0 * u;
        }

        public String name() {
            return "quadratic";
        }
    }

    /** σ(u) = tanh(u); σ'(u) = 1 − tanh²(u). */
    record Tanh() implements Activation {
        public double value(double u) {
            return Math.tanh(u);
        }

        public double derivative(double u) {
            double t = Math.tanh(u);
            return 1.0 - t * t;
        }

        public String name() {
            return "tanh";
        }
    }
}
