package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.NativeFloats;
import org.featurelab.linalg.Parallel;

/** Reading a symmetric matrix of which only the upper triangle is stored (the float32 W of a mixed-precision Gram). */
final class UpperTriangle {
    private UpperTriangle() {
    }

    /**
     * Rows [from, to) of the symmetric n×n matrix whose upper triangle (row-major) {@code upper} holds, widened to
     * float64: for row i the entries j ≥ i are row i of the triangle, the entries j &lt; i its column i (row segments
     * [max(from, j + 1), to) of the rows j above). Reads (to − from)·n values.
     */
    static Matrix widenedRows(NativeFloats upper, int n, int from, int to) {
        Matrix rows = Matrix.zeros(to - from, n);
        double[] rd = rows.data();
        Parallel.rows(to - from, n, r -> {
            int i = from + r;
            float[] seg = new float[n - i];
            upper.get((long) i * n + i, seg, 0, n - i);
            for (int j = 0; j < seg.length; j++) {
                rd[r * n + i + j] = seg[j];
            }
        });
        Parallel.rows(Math.max(0, to - 1), to - from, j -> {   // column j of the block below the diagonal
            int c0 = Math.max(from, j + 1);
            int len = to - c0;
            if (len <= 0) {
                return;
            }
            float[] seg = new float[len];
            upper.get((long) j * n + c0, seg, 0, len);
            for (int t = 0; t < len; t++) {
                rd[(c0 + t - from) * n + j] = seg[t];
            }
        });
        return rows;
    }
}
