package org.featurelab.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link KernelMaps} on SIMD lanes of the JDK Vector API (incubating module {@code jdk.incubator.vector}), in the species
 * the CPU prefers, with the scalar maps for each range's tail. Loaded by {@link KernelMaps#get()} only when the module
 * is in the boot layer; never referenced directly, so that the rest of the code runs without it.
 *
 * <p><b>The exponential is our own</b> ({@link #exp}), not the library's lane-wise EXP: that one is an intrinsic
 * (SVML) once the JIT's top tier has compiled the caller and a per-lane {@code Math.exp} before, and the two differ in
 * the last bit — the same fit would then give different bits depending on JIT timing. Built from IEEE operations
 * only (fma, add, multiply, bit shifts; square root and division are correctly rounded in both tiers), {@link #exp}
 * gives the same bits compiled or interpreted:
 * <pre>
 *   t ≤ 0:  k = round(t·log₂e),  r = t − k·ln2 (ln2 in two parts, Cody–Waite),  |r| ≤ ln2/2
 *           eᵗ = 2ᵏ · Σ_{m=0..13} rᵐ/m!   (truncation ≤ r¹⁴/14! &lt; 10⁻¹⁷ relative; 2ᵏ from the exponent bits)
 *   t &lt; −708.7 (eᵗ &lt; 1.2·10⁻³⁰⁸, where 2ᵏ would leave the normal exponents): 0
 * </pre>
 */
final class SimdKernelMaps implements KernelMaps {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Float lanes of the same count as {@link #D}, for the float32 weights. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            jdk.incubator.vector.VectorShape.forBitSize(D.vectorBitSize() / 2));

    SimdKernelMaps() {
    }

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238;     // ln 2 to 32 bits: k·LN2_HI is exact
    private static final double LN2_LO = 1.9082149292705877e-10; // ln 2 − LN2_HI
    /** 1.5·2⁵²: adding it rounds to an integer held in the low mantissa bits. */
    private static final double ROUND = 0x1.8p52;
    /**
     * Below this k = round(t·log₂e) would reach −1023, outside the normal exponents 2ᵏ is built from; the map returns
     * 0 there (eᵗ &lt; 1.2·10⁻³⁰⁸). Between it and ln(smallest normal) = −708.3964 the result is a correctly multiplied
     * subnormal.
     */
    private static final double MIN_EXPONENT = -708.7;
    /** 1/m! for m = 13 down to 0, the Horner order. */
    private static final double[] TAYLOR = new double[14];

    static {
        double f = 1;
        for (int m = 1; m <= 13; m++) {
            f *= m;
            TAYLOR[13 - m] = 1 / f;
        }
        TAYLOR[13] = 1;
    }

    /** eᵗ for lanes t ≤ 0 (see the class comment). */
    static DoubleVector exp(DoubleVector t) {
        DoubleVector kr = t.fma(DoubleVector.broadcast(D, LOG2E), DoubleVector.broadcast(D, ROUND));
        DoubleVector k = kr.sub(ROUND);
        DoubleVector r = k.fma(DoubleVector.broadcast(D, -LN2_HI), t);
        r = k.fma(DoubleVector.broadcast(D, -LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(D, TAYLOR[0]);
        for (int m = 1; m < TAYLOR.length; m++) {
            p = p.fma(r, DoubleVector.broadcast(D, TAYLOR[m]));
        }
        return scaled(p, kr, t);
    }

    @Override
    public void laplaceInPlace(double[] v, int from, int to, double bandwidth) {
        int i = from;
        for (int up = from + D.loopBound(to - from); i < up; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, v, i);
            exp(x.lanewise(VectorOperators.SQRT).div(-bandwidth)).intoArray(v, i);
        }
        ScalarKernelMaps.INSTANCE.laplaceInPlace(v, i, to, bandwidth);
    }

    @Override
    public void laplaceRow(double[] cross, int c, double rowNorm, double[] norms, int o, int len, double bandwidth,
                           double[] k, int kOff, double[] w64, float[] w32, int wOff) {
        int j = w64 == null && w32 == null ? pairs(cross, c, rowNorm, norms, o, len, bandwidth, k, kOff) : 0;
        for (int up = D.loopBound(len); j < up; j += D.length()) {
            DoubleVector dist = distance(DoubleVector.fromArray(D, cross, c + j), DoubleVector.fromArray(D, norms, o + j),
                    rowNorm);
            DoubleVector value = exp(dist.div(-bandwidth));
            value.intoArray(k, kOff + j);
            if (w64 != null) {
                weight(value, dist, bandwidth).intoArray(w64, wOff + j);
            } else if (w32 != null) {
                narrow(weight(value, dist, bandwidth)).intoArray(w32, wOff + j);
            }
        }
        ScalarKernelMaps.INSTANCE.laplaceRow(cross, c + j, rowNorm, norms, o + j, len - j, bandwidth, k, kOff + j, w64, w32,
                wOff + j);
    }

    /**
     * The vector part of {@link #laplaceRow} without float64 weights, over whole pairs of lane groups; returns how many
     * entries it did. Two groups per step, their exponentials interleaved so that the two chains of dependent
     * multiply-adds overlap: 1.2× faster than one group per step, measured. More groups, or more cases in this loop,
     * exceed what the JIT inlines into one method, and it then allocates vector objects (several times slower).
     */
    private static int pairs(double[] cross, int c, double rowNorm, double[] norms, int o, int len, double bandwidth,
                             double[] k, int kOff) {
        int step = 2 * D.length();
        int j = 0;
        for (int up = len - step + 1; j < up; j += step) {
            int j1 = j + D.length();
            DoubleVector d0 = distance(DoubleVector.fromArray(D, cross, c + j), DoubleVector.fromArray(D, norms, o + j),
                    rowNorm);
            DoubleVector d1 = distance(DoubleVector.fromArray(D, cross, c + j1), DoubleVector.fromArray(D, norms, o + j1),
                    rowNorm);
            DoubleVector t0 = d0.div(-bandwidth);
            DoubleVector t1 = d1.div(-bandwidth);
            // exp(t) of both groups, step by step as in exp
            DoubleVector kr0 = t0.fma(DoubleVector.broadcast(D, LOG2E), DoubleVector.broadcast(D, ROUND));
            DoubleVector kr1 = t1.fma(DoubleVector.broadcast(D, LOG2E), DoubleVector.broadcast(D, ROUND));
            DoubleVector k0 = kr0.sub(ROUND);
            DoubleVector k1 = kr1.sub(ROUND);
            DoubleVector r0 = k0.fma(DoubleVector.broadcast(D, -LN2_LO), k0.fma(DoubleVector.broadcast(D, -LN2_HI), t0));
            DoubleVector r1 = k1.fma(DoubleVector.broadcast(D, -LN2_LO), k1.fma(DoubleVector.broadcast(D, -LN2_HI), t1));
            DoubleVector p0 = DoubleVector.broadcast(D, TAYLOR[0]);
            DoubleVector p1 = p0;
            for (int m = 1; m < TAYLOR.length; m++) {
                DoubleVector coefficient = DoubleVector.broadcast(D, TAYLOR[m]);
                p0 = p0.fma(r0, coefficient);
                p1 = p1.fma(r1, coefficient);
            }
            DoubleVector v0 = scaled(p0, kr0, t0);
            DoubleVector v1 = scaled(p1, kr1, t1);
            v0.intoArray(k, kOff + j);
            v1.intoArray(k, kOff + j1);
        }
        return j;
    }

    /** √r² for r² = cross + (‖z‖² + ‖x‖²), r² set to 0 when within cancellation of the norms (MahalanobisDistances). */
    private static DoubleVector distance(DoubleVector cross, DoubleVector norms, double rowNorm) {
        DoubleVector scale = norms.add(rowNorm);
        DoubleVector r2 = cross.add(scale);
        VectorMask<Double> kept = r2.compare(VectorOperators.GT, scale.mul(MahalanobisDistances.CANCELLATION));
        return DoubleVector.zero(D).blend(r2, kept).lanewise(VectorOperators.SQRT);
    }

    /**
     * The last step of {@link #exp}: the polynomial times 2ᵏ, 0 below the range. The low bits of kr hold k in two's
     * complement: shifted into the exponent field and biased, they are 2ᵏ.
     */
    private static DoubleVector scaled(DoubleVector p, DoubleVector kr, DoubleVector t) {
        DoubleVector scale = kr.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).add(1023L << 52)
                .reinterpretAsDoubles();
        return p.mul(scale).blend(0.0, t.compare(VectorOperators.LT, MIN_EXPONENT));
    }

    /** The Laplace gradient weight k / (L·√r²), 0 where √r² is below {@link RadialKernel#MIN_DISTANCE}. */
    private static DoubleVector weight(DoubleVector value, DoubleVector dist, double bandwidth) {
        VectorMask<Double> far = dist.compare(VectorOperators.GE, RadialKernel.MIN_DISTANCE);
        return DoubleVector.zero(D).blend(value.div(dist.mul(bandwidth)), far);
    }

    private static FloatVector narrow(DoubleVector v) {
        return (FloatVector) v.convertShape(VectorOperators.D2F, F, 0);
    }

    @Override
    public void laplaceRowDot(double[] cross, int c, double rowNorm, double[] norms, int n, double bandwidth,
                              double[] alphaT, int outputs, double[] out, int outOff) {
        // the row's kernel values in place (it stays in cache), then the dot products in their own method, so that
        // neither loop is inlined into a compilation too large for the JIT to keep the vectors in registers
        laplaceRow(cross, c, rowNorm, norms, 0, n, bandwidth, cross, c, null, null, 0);
        dots(cross, c, n, alphaT, outputs, out, outOff);
    }

    /**
     * out[outOff + o] = Σ_j k[c + j] · alphaT[o·n + j] for o &lt; outputs; lanes summed in a fixed order. Four outputs
     * at a time share each load of k and keep four independent multiply-add chains in flight (one chain waits on the
     * latency of the previous multiply-add); every output is still summed in the same order as alone, so the bits do
     * not depend on how the outputs are grouped.
     */
    private static void dots(double[] k, int c, int n, double[] alphaT, int outputs, double[] out, int outOff) {
        double[] lanes = new double[D.length()];
        int o = 0;
        for (; o + 4 <= outputs; o += 4) {
            dots4(k, c, n, alphaT, o, out, outOff, lanes);
        }
        dotsEach(k, c, n, alphaT, o, outputs, out, outOff, lanes);
    }

    /** Outputs o0 .. o0 + 3 of {@link #dots}. */
    private static void dots4(double[] k, int c, int n, double[] alphaT, int o0, double[] out, int outOff,
                              double[] lanes) {
        int up = D.loopBound(n);
        int b0 = o0 * n;
        int b1 = b0 + n;
        int b2 = b1 + n;
        int b3 = b2 + n;
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int j = 0;
        for (; j < up; j += D.length()) {
            DoubleVector kj = DoubleVector.fromArray(D, k, c + j);
            a0 = kj.fma(DoubleVector.fromArray(D, alphaT, b0 + j), a0);
            a1 = kj.fma(DoubleVector.fromArray(D, alphaT, b1 + j), a1);
            a2 = kj.fma(DoubleVector.fromArray(D, alphaT, b2 + j), a2);
            a3 = kj.fma(DoubleVector.fromArray(D, alphaT, b3 + j), a3);
        }
        out[outOff + o0] = finish(a0, lanes, k, c, j, n, alphaT, b0);
        out[outOff + o0 + 1] = finish(a1, lanes, k, c, j, n, alphaT, b1);
        out[outOff + o0 + 2] = finish(a2, lanes, k, c, j, n, alphaT, b2);
        out[outOff + o0 + 3] = finish(a3, lanes, k, c, j, n, alphaT, b3);
    }

    /** The lanes of acc summed in order, then the scalar tail j .. n − 1 of one output. */
    private static double finish(DoubleVector acc, double[] lanes, double[] k, int c, int j, int n, double[] alphaT,
                                 int base) {
        acc.intoArray(lanes, 0); // lanes summed in a fixed order: reduceLanes(ADD) may reorder by JIT tier
        double sum = 0;
        for (double lane : lanes) {
            sum += lane;
        }
        for (; j < n; j++) {
            sum += k[c + j] * alphaT[base + j];
        }
        return sum;
    }

    /** Outputs from .. outputs − 1 of {@link #dots}, one at a time. */
    private static void dotsEach(double[] k, int c, int n, double[] alphaT, int from, int outputs, double[] out,
                                 int outOff, double[] lanes) {
        int up = D.loopBound(n);
        for (int o = from; o < outputs; o++) {
            int base = o * n;
            DoubleVector acc = DoubleVector.zero(D);   // accumulator in a local, as the Vector API needs it in registers
            int j = 0;
            for (; j < up; j += D.length()) {
                acc = DoubleVector.fromArray(D, k, c + j).fma(DoubleVector.fromArray(D, alphaT, base + j), acc);
            }
            out[outOff + o] = finish(acc, lanes, k, c, j, n, alphaT, base);
        }
    }

    @Override
    public String describe() {
        return "SIMD " + D.vectorBitSize() + "-bit (" + D.length() + " float64 lanes, jdk.incubator.vector)";
    }
}
