package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.NativeDoubles;
import org.featurelab.linalg.NativeFloats;

/**
 * Reusable storage for the n×n matrices of repeated training-Gram passes ({@link KernelBasis#trainingGram}): the
 * kernel matrix K and the gradient weights W (float64 on the Java heap, or under mixed precision K's upper triangle in
 * float64 and W's in float32 in native memory, where the solve and the gradient product read them in place;
 * {@link #close()} frees the native part, which the garbage collector also reclaims from an unclosed workspace). A fit
 * that re-forms K every iteration allocates them once instead of re-faulting fresh memory each time (which on the
 * virtual machines measured here was slow and erratic). The {@link TrainingGram} a pass returns borrows this
 * storage: contents are overwritten by every pass, so a training Gram from an earlier pass is invalid after the
 * next one on the same workspace. Not thread-safe.
 */
public final class GramWorkspace implements AutoCloseable {
    private Matrix k;
    private Matrix w;
    private final NativeDoubles kUpper = new NativeDoubles();
    private final NativeFloats w32 = new NativeFloats();
    private final NativeFloats operand = new NativeFloats();
    private final NativeFloats product = new NativeFloats();

    Matrix k(int n) {
        if (k == null || k.rows() != n) {
            k = null;
            k = Matrix.zeros(n, n);
        }
        return k;
    }

    Matrix w(int n) {
        if (w == null || w.rows() != n) {
            w = null;
            w = Matrix.zeros(n, n);
        }
        return w;
    }

    /**
     * Reserves, without touching, the native K and W of a mixed-precision pass over n centres, so that later passes
     * over at most n centres grow nothing (a workspace shared by fits of several sizes, {@code rfm.FitWorkspace}).
     */
    public void reserveUpperTriangles(int n) {
        kUpper.reserve((long) n * n);
        w32.reserve((long) n * n);
    }

    NativeDoubles kUpper(long size) {
        return kUpper.reserve(size);
    }

    NativeFloats w32(long size) {
        return w32.reserve(size);
    }

    /** Scratch for the gradient product's other factor (grown by its user). */
    NativeFloats operand() {
        return operand;
    }

    /** Scratch for the gradient product's result (grown by its user). */
    NativeFloats product() {
        return product;
    }

    /** Frees the native buffers; the workspace must not be used (nor a training Gram it lent) afterwards. */
    @Override
    public void close() {
        kUpper.close();
        w32.close();
        operand.close();
        product.close();
    }
}
