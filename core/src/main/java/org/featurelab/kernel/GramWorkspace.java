package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;

/**
 * Reusable storage for the n×n matrices of repeated training-Gram passes ({@link KernelBasis#trainingGram}): the
 * kernel matrix K and the gradient weights W (float64, or float32 for mixed-precision gradient GEMMs). A fit
 * that re-forms K every iteration allocates them once instead of re-faulting fresh memory each time (which on the
 * virtual machines measured here was slow and erratic). The {@link TrainingGram} a pass returns borrows this
 * storage: contents are overwritten by every pass, so a training Gram from an earlier pass is invalid after the
 * next one on the same workspace. Not thread-safe.
 */
public final class GramWorkspace {
    private Matrix k;
    private Matrix w;
    private float[] w32;

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

    float[] w32(int size) {
        if (w32 == null || w32.length < size) {
            w32 = null;
            w32 = new float[size];
        }
        return w32;
    }
}
