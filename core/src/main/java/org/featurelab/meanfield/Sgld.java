package org.featurelab.meanfield;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Blas;
import org.featurelab.linalg.Matrix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Full-batch stochastic gradient Langevin dynamics for a {@link TwoLayerNetwork} (../shared/REFERENCE.md §9;
 * docs/mean-field.md, section SGLD). A mutable chain: it owns its parameters and buffers, and each step updates
 * them in place.
 *
 * <p>One step, for every parameter p with prior variance σ_p² (σ_a² for each aᵢ, σ_w²/d for each W_ij):
 * <pre>
 *   p ← p − η [ (T/σ_p²) p + ∂L/∂p ] + √(2Tη) ξ,   T = 2κ²,   L = (1/P) Σ_μ (f(x_μ) − y_μ)²,
 * </pre>
 * all gradients taken at the state before the step, ξ i.i.d. N(0, 1) from a {@link SplittableRandom} seeded with
 * {@link SgldConfig#seed()}, drawn for a₀ … a_{N−1} and then (unless the hidden weights are frozen) for W in
 * row-major order. The continuous-time limit has the stationary density
 * <pre>
 *   π(a, W) ∝ exp[ −(1/(2κ²P)) Σ_μ (f(x_μ) − y_μ)² − ‖a‖²/(2σ_a²) − (d/(2σ_w²)) ‖W‖_F² ];
 * </pre>
 * the Euler step biases it by O(η): for a Gaussian target with precision A the stationary covariance of the
 * discrete chain is exactly A⁻¹(I − ηT A/2)⁻¹ (the mean is exact).
 *
 * <p>Gradients, with c = N^{−γ}, Z = X Wᵀ, Φ = φ(Z), r = f − y (P):
 * ∇_a L = (2c/P) Φᵀ r and ∇_W L = (2c/P) Dᵀ X with D_μi = r_μ aᵢ 1[Z_μi &gt; 0]. Cost per step: four GEMMs,
 * 2·P·N·(2d + 2) flops (2·P·N·2 when W is frozen: Φ is then computed once); no allocation after construction.
 *
 * <p>Under {@link Arithmetic#MIXED} ({@link SgldConfig#arithmetic()}) the four GEMMs and the element-wise passes
 * between them run in float32 (sgemm on direct buffers, bulk-copied from float arrays: no JNI copy of the P×N
 * operands; X rounded once): relative errors about √(max(d, N, P))·6·10⁻⁸, far below the injected noise √(2Tη).
 * Parameters, updates, noise, residuals and the loss stay float64, so small increments ηT·p are not lost to float32
 * rounding of the parameters. (Measured on 2 cores at P = 1000, N = 512, d = 35: the float64 path spends most of a
 * step copying the P×N double arrays across JNI.)
 */
public final class Sgld {
    /** Receives the chain at the recorded steps; it may read the chain but must not step it. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param step  steps done so far (≥ 1)
         * @param chain the chain after that step
         */
        void record(long step, Sgld chain);
    }

    /** ∇_a L (length N), ∇_W L (N×d) and L at one parameter value. */
    public record Gradients(double[] readout, Matrix hidden, double loss) {
    }

    private final Workspace ws;
    private final SgldConfig config;
    private final Priors priors;
    private final SplittableRandom rng;
    private final double gamma;
    private long step;

    /**
     * A chain started at {@code initial} on the training set (x, y).
     *
     * @param x inputs, P×d (not copied: it must not change while the chain runs)
     * @param y targets, length P (copied)
     */
    public Sgld(TwoLayerNetwork initial, Matrix x, double[] y, Priors priors, SgldConfig config) {
        this.ws = new Workspace(initial, x, y, config.arithmetic());
        this.config = config;
        this.priors = priors;
        this.gamma = initial.gamma();
        this.rng = new SplittableRandom(config.seed());
    }

    /**
     * The gradients of L used by the SGLD drift, at {@code net} on (x, y): four GEMMs, 2·P·N·(2d + 2) flops.
     */
    public static Gradients gradients(TwoLayerNetwork net, Matrix x, double[] y) {
        return gradients(net, x, y, Arithmetic.FLOAT64);
    }

    /** As {@link #gradients(TwoLayerNetwork, Matrix, double[])} in the given arithmetic (float64 or mixed). */
    public static Gradients gradients(TwoLayerNetwork net, Matrix x, double[] y, Arithmetic arithmetic) {
        Workspace w = new Workspace(net, x, y, arithmetic);
        double loss = w.gradientsInPlace(true, true);
        return new Gradients(w.ga.clone(), Matrix.wrap(w.n, w.d, w.gw.clone()), loss);
    }

    /** Runs {@link SgldConfig#steps()} steps, calling {@code listener} (may be null) at the recorded steps. */
    public void runInPlace(Listener listener) {
        for (long t = 0; t < config.steps(); t++) {
            stepInPlace();
            if (listener != null && step > config.burnIn() && (step - config.burnIn()) % config.recordEvery() == 0) {
                listener.record(step, this);
            }
        }
    }

    /** One SGLD step (the update in the class comment). */
    public void stepInPlace() {
        boolean frozen = config.freezeHidden();
        ws.gradientsInPlace(!frozen || step == 0, !frozen);
        double t = config.temperature();
        double eta = config.stepSize();
        double noise = Math.sqrt(2 * t * eta);
        double decayA = t / priors.readoutVariance();
        double[] a = ws.a;
        double[] ga = ws.ga;
        for (int i = 0; i < a.length; i++) {
            a[i] += -eta * (decayA * a[i] + ga[i]) + noise * rng.nextGaussian();
        }
        if (!frozen) {
            double decayW = t / priors.weightCoordinateVariance(ws.d);
            double[] w = ws.w;
            double[] gw = ws.gw;
            for (int i = 0; i < w.length; i++) {
                w[i] += -eta * (decayW * w[i] + gw[i]) + noise * rng.nextGaussian();
            }
        }
        step++;
    }

    /** Steps done so far. */
    public long step() {
        return step;
    }

    public SgldConfig config() {
        return config;
    }

    /** L at the state before the last step (the forward pass that step made); NaN before the first step. */
    public double lastLoss() {
        return ws.lastLoss;
    }

    /** The current parameters as an immutable network (copies N·(d + 1) numbers). */
    public TwoLayerNetwork network() {
        return new TwoLayerNetwork(Matrix.wrap(ws.n, ws.d, ws.w), ws.a, gamma);
    }

    /** Copies the current readout a into {@code out} (length ≥ N), without allocating. */
    public void copyReadoutInto(double[] out) {
        System.arraycopy(ws.a, 0, out, 0, ws.n);
    }

    /** Copies the current hidden weights W (row-major N×d) into {@code out} (length ≥ N·d), without allocating. */
    public void copyHiddenInto(double[] out) {
        System.arraycopy(ws.w, 0, out, 0, ws.w.length);
    }

    /** Parameters, data and the reused buffers of the forward and backward passes. */
    private static final class Workspace {
        final int n;
        final int d;
        final int p;
        final double c;
        final double[] x;
        final double[] y;
        final double[] a;
        final double[] w;
        final double[] z;   // P×N pre-activations X Wᵀ
        final double[] phi; // P×N activations
        final double[] f;   // P
        final double[] ga;  // N
        final double[] dz;  // P×N back-propagated residuals
        final double[] gw;  // N×d
        final boolean mixed;
        // mixed path: float32 arrays for the element-wise work, direct buffers for sgemm (bulk-copied between them)
        float[] wA;
        float[] aA;
        float[] zA;
        float[] phiA;
        float[] fA;
        float[] rA;
        float[] gaA;
        float[] dzA;
        float[] gwA;
        FloatBuffer xf;
        FloatBuffer wf;
        FloatBuffer af;
        FloatBuffer zf;
        FloatBuffer phif;
        FloatBuffer ff;
        FloatBuffer rf;
        FloatBuffer gaf;
        FloatBuffer dzf;
        FloatBuffer gwf;
        double lastLoss = Double.NaN;

        Workspace(TwoLayerNetwork net, Matrix xm, double[] yv, Arithmetic arithmetic) {
            net.requireInputs(xm);
            if (yv.length != xm.rows()) {
                throw new IllegalArgumentException("targets: " + xm.rows() + " inputs but " + yv.length + " targets");
            }
            if (!xm.isFinite()) {
                throw new IllegalArgumentException("inputs must be finite");
            }
            for (double v : yv) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("targets must be finite, got " + v);
                }
            }
            n = net.width();
            d = net.dimension();
            p = xm.rows();
            c = net.outputScale();
            x = xm.data();
            y = yv.clone();
            a = net.readout();
            w = net.hiddenWeights().data();
            z = new double[p * n];
            phi = new double[p * n];
            f = new double[p];
            ga = new double[n];
            dz = new double[p * n];
            gw = new double[n * d];
            if (arithmetic != Arithmetic.FLOAT64 && arithmetic != Arithmetic.MIXED) {
                throw new IllegalArgumentException("arithmetic must be float64 or mixed, got " + arithmetic);
            }
            mixed = arithmetic == Arithmetic.MIXED;
            if (mixed) {
                xf = direct(p * d);
                xf.put(0, Blas.toFloat(x));
                wA = new float[n * d];
                aA = new float[n];
                zA = new float[p * n];
                phiA = new float[p * n];
                fA = new float[p];
                rA = new float[p];
                gaA = new float[n];
                dzA = new float[p * n];
                gwA = new float[n * d];
                wf = direct(n * d);
                af = direct(n);
                zf = direct(p * n);
                phif = direct(p * n);
                ff = direct(p);
                rf = direct(p);
                gaf = direct(n);
                dzf = direct(p * n);
                gwf = direct(n * d);
            }
        }

        private static FloatBuffer direct(int len) {
            return ByteBuffer.allocateDirect(4 * len).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }

        /**
         * Forward pass (recomputing Φ only when {@code newFeatures}), then ∇_a L into ga and, when {@code hidden},
         * ∇_W L into gw. Returns L.
         */
        double gradientsInPlace(boolean newFeatures, boolean hidden) {
            if (mixed) {
                return gradientsMixedInPlace(newFeatures, hidden);
            }
            if (newFeatures) {
                Blas.gemm(false, true, p, n, d, 1.0, x, d, w, d, 0.0, z, n);
            }
            if (newFeatures) {
                for (int k = 0; k < z.length; k++) {
                    phi[k] = z[k] > 0 ? z[k] : 0.0;
                }
            }
            Blas.gemm(false, false, p, 1, n, c, phi, n, a, 1, 0.0, f, 1);
            double loss = 0;
            for (int mu = 0; mu < p; mu++) {
                double r = f[mu] - y[mu];
                f[mu] = r; // f now holds the residual r
                loss += r * r;
            }
            loss /= p;
            lastLoss = loss;
            double g = 2 * c / p;
            Blas.gemm(true, false, n, 1, p, g, phi, n, f, 1, 0.0, ga, 1);
            if (hidden) {
                for (int mu = 0; mu < p; mu++) {
                    double r = f[mu];
                    int o = mu * n;
                    for (int i = 0; i < n; i++) {
                        dz[o + i] = z[o + i] > 0 ? r * a[i] : 0.0;
                    }
                }
                Blas.gemm(true, false, n, d, p, g, dz, n, x, d, 0.0, gw, d);
            }
            return loss;
        }

        /** The same passes with the four GEMMs in float32 on direct buffers; the loss and residual in float64. */
        private double gradientsMixedInPlace(boolean newFeatures, boolean hidden) {
            if (newFeatures) {
                for (int k = 0; k < w.length; k++) {
                    wA[k] = (float) w[k];
                }
                wf.put(0, wA);
                Blas.sgemm(false, true, p, n, d, 1.0f, xf, d, wf, d, 0.0f, zf, n);
                zf.get(0, zA);
                for (int k = 0; k < zA.length; k++) {
                    phiA[k] = zA[k] > 0 ? zA[k] : 0.0f;
                }
                phif.put(0, phiA);
            }
            for (int i = 0; i < n; i++) {
                aA[i] = (float) a[i];
            }
            af.put(0, aA);
            Blas.sgemm(false, false, p, 1, n, (float) c, phif, n, af, 1, 0.0f, ff, 1);
            ff.get(0, fA);
            double loss = 0;
            for (int mu = 0; mu < p; mu++) {
                double r = fA[mu] - y[mu];
                rA[mu] = (float) r;
                loss += r * r;
            }
            loss /= p;
            lastLoss = loss;
            float g = (float) (2 * c / p);
            rf.put(0, rA);
            Blas.sgemm(true, false, n, 1, p, g, phif, n, rf, 1, 0.0f, gaf, 1);
            gaf.get(0, gaA);
            for (int i = 0; i < n; i++) {
                ga[i] = gaA[i];
            }
            if (hidden) {
                for (int mu = 0; mu < p; mu++) {
                    float r = rA[mu];
                    int o = mu * n;
                    for (int i = 0; i < n; i++) {
                        dzA[o + i] = zA[o + i] > 0 ? r * aA[i] : 0.0f;
                    }
                }
                dzf.put(0, dzA);
                Blas.sgemm(true, false, n, d, p, g, dzf, n, xf, d, 0.0f, gwf, d);
                gwf.get(0, gwA);
                for (int k = 0; k < gw.length; k++) {
                    gw[k] = gwA[k];
                }
            }
            return loss;
        }
    }
}
