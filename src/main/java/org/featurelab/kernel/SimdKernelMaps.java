package org.featurelab.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link KernelMaps} on SIMD lanes of the JDK Vector API (incubating module {@code jdk.incubator.vector}): the
 * library's lane-wise EXP and SQRT (intrinsic vector math on x86-64), the species the CPU prefers, and the scalar
 * maps for each range's tail. Loaded by {@link KernelMaps#get()} only when the module is in the boot layer; never
 * referenced directly, so that the rest of the code runs without it.
 */
final class SimdKernelMaps implements KernelMaps {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Float lanes of the same count as {@link #D}, for the float32 weights. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            jdk.incubator.vector.VectorShape.forBitSize(D.vectorBitSize() / 2));

    SimdKernelMaps() {
    }

    @Override
    public void laplaceInPlace(double[] v, int from, int to, double bandwidth) {
        int i = from;
        for (int up = from + D.loopBound(to - from); i < up; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, v, i);
            x.lanewise(VectorOperators.SQRT).div(-bandwidth).lanewise(VectorOperators.EXP).intoArray(v, i);
        }
        ScalarKernelMaps.INSTANCE.laplaceInPlace(v, i, to, bandwidth);
    }

    @Override
    public void expNegInPlace(double[] v, int from, int to, double divisor) {
        int i = from;
        for (int up = from + D.loopBound(to - from); i < up; i += D.length()) {
            DoubleVector.fromArray(D, v, i).div(-divisor).lanewise(VectorOperators.EXP).intoArray(v, i);
        }
        ScalarKernelMaps.INSTANCE.expNegInPlace(v, i, to, divisor);
    }

    @Override
    public void laplaceRow(double[] cross, int c, double rowNorm, double[] norms, int o, int len, double bandwidth,
                           double[] k, int kOff, double[] w64, float[] w32) {
        int j = 0;
        for (int up = D.loopBound(len); j < up; j += D.length()) {
            // r² = cross + (‖z‖² + ‖x‖²), set to 0 when it is within cancellation of the norms (MahalanobisDistances)
            DoubleVector scale = DoubleVector.fromArray(D, norms, o + j).add(rowNorm);
            DoubleVector r2 = DoubleVector.fromArray(D, cross, c + j).add(scale);
            VectorMask<Double> kept = r2.compare(VectorOperators.GT, scale.mul(MahalanobisDistances.CANCELLATION));
            r2 = DoubleVector.zero(D).blend(r2, kept);
            DoubleVector dist = r2.lanewise(VectorOperators.SQRT);
            DoubleVector value = dist.div(-bandwidth).lanewise(VectorOperators.EXP);
            value.intoArray(k, kOff + j);
            if (w64 == null && w32 == null) {
                continue;
            }
            VectorMask<Double> far = dist.compare(VectorOperators.GE, RadialKernel.MIN_DISTANCE);
            DoubleVector weight = DoubleVector.zero(D).blend(value.div(dist.mul(bandwidth)), far);
            if (w64 != null) {
                weight.intoArray(w64, kOff + j);
            } else {
                ((FloatVector) weight.convertShape(VectorOperators.D2F, F, 0)).intoArray(w32, kOff + j);
            }
        }
        ScalarKernelMaps.INSTANCE.laplaceRow(cross, c + j, rowNorm, norms, o + j, len - j, bandwidth, k, kOff + j, w64, w32);
    }

    @Override
    public String describe() {
        return "SIMD " + D.vectorBitSize() + "-bit (" + D.length() + " float64 lanes, jdk.incubator.vector)";
    }
}
