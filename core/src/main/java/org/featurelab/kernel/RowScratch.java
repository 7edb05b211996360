package org.featurelab.kernel;

/**
 * One reusable row array per thread for the native-memory forms of {@link KernelMaps} that copy a row before mapping
 * it: a prediction calls them once per query row, and a fresh array of n doubles per row (80 KB for 10,000 centres,
 * beyond the thread's allocation buffer) cost more than the row's map itself. The array only grows; a thread keeps the
 * largest one it needed (8·n bytes for n centres) for its lifetime. Contents are scratch: every user overwrites the
 * part it reads.
 */
final class RowScratch {
    private static final ThreadLocal<double[]> ROW = ThreadLocal.withInitial(() -> new double[0]);

    private RowScratch() {
    }

    /** This thread's scratch row, at least {@code n} long. */
    static double[] atLeast(int n) {
        double[] row = ROW.get();
        if (row.length < n) {
            row = new double[n];
            ROW.set(row);
        }
        return row;
    }
}
