package org.featurelab.kernel;

/**
 * Gaussian kernel k_M(x, z) = exp(−‖x − z‖²_M / (2L²)).
 * Gradient weight: ∇_z k = k / L² · M(x − z).
 */
public record Gaussian(double bandwidth) implements RadialKernel {
    public Gaussian {
        Kernel.checkBandwidth(bandwidth);
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public Kernel withBandwidth(double l) {
        return new Gaussian(l);
    }

    @Override
    public double valueAtSquaredDistance(double r2) {
        return Math.exp(-r2 / (2 * bandwidth * bandwidth));
    }

    @Override
    public double gradientWeight(double r2, double k) {
        return k / (bandwidth * bandwidth);
    }
}
