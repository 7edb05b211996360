package org.featurelab.kernel;

/**
 * Laplace kernel k_M(x, z) = exp(−‖x − z‖_M / L).
 * Gradient weight: ∇_z k = k / (L·‖x − z‖_M) · M(x − z), with terms at distance &lt; 1e-10 dropped.
 */
public record Laplace(double bandwidth) implements RadialKernel {
    public Laplace {
        Kernel.checkBandwidth(bandwidth);
    }

    @Override
    public String name() {
        return "laplace";
    }

    @Override
    public Kernel withBandwidth(double l) {
        return new Laplace(l);
    }

    @Override
    public double valueAtSquaredDistance(double r2) {
        return Math.exp(-Math.sqrt(r2) / bandwidth);
    }

    @Override
    public double gradientWeight(double r2, double k) {
        double r = Math.sqrt(r2);
        return r < MIN_DISTANCE ? 0.0 : k / (bandwidth * r);
    }
}
