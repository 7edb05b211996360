package org.featurelab.kernel;

/** {@link KernelMaps} with {@code Math.exp} and {@code Math.sqrt}, one element at a time. */
final class ScalarKernelMaps implements KernelMaps {
    static final ScalarKernelMaps INSTANCE = new ScalarKernelMaps();

    private ScalarKernelMaps() {
    }

    @Override
    public void laplaceInPlace(double[] v, int from, int to, double bandwidth) {
        for (int i = from; i < to; i++) {
            v[i] = Math.exp(-Math.sqrt(v[i]) / bandwidth);
        }
    }

    @Override
    public void laplaceRow(double[] cross, int c, double rowNorm, double[] norms, int o, int len, double bandwidth,
                           double[] k, int kOff, double[] w64, float[] w32, int wOff) {
        for (int j = 0; j < len; j++) {
            double r2 = MahalanobisDistances.squaredDistance(cross[c + j], rowNorm, norms[o + j]);
            double dist = Math.sqrt(r2);
            double value = Math.exp(-dist / bandwidth);
            double weight = dist < RadialKernel.MIN_DISTANCE ? 0.0 : value / (bandwidth * dist);
            k[kOff + j] = value;
            if (w64 != null) {
                w64[wOff + j] = weight;
            } else if (w32 != null) {
                w32[wOff + j] = (float) weight;
            }
        }
    }

    @Override
    public void laplaceRowDot(double[] cross, int c, double rowNorm, double[] norms, int n, double bandwidth,
                              double[] alphaT, int outputs, double[] out, int outOff) {
        for (int o = 0; o < outputs; o++) {
            out[outOff + o] = 0;
        }
        for (int j = 0; j < n; j++) {
            double value = Math.exp(-Math.sqrt(MahalanobisDistances.squaredDistance(cross[c + j], rowNorm, norms[j]))
                    / bandwidth);
            for (int o = 0; o < outputs; o++) {
                out[outOff + o] += value * alphaT[o * n + j];
            }
        }
    }

    @Override
    public String describe() {
        return "scalar (Math.exp)";
    }
}
