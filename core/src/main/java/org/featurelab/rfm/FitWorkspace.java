package org.featurelab.rfm;

import org.featurelab.kernel.GramWorkspace;
import org.featurelab.linalg.Precision;
import org.featurelab.linalg.SolverWorkspace;

/**
 * The reusable n×n buffers of RFM fits — the training Gram's ({@link GramWorkspace}) and the solver's
 * ({@link SolverWorkspace}) — shared by a sequence of fits so that their memory is faulted in once: a tuning run's
 * candidates and its refit ({@code TabularLearner}) fit one after another in one workspace. Fresh memory is what the
 * first iteration of every fit paid for (on the machines measured here faulting in 100 MB takes 0.03–0.15 s, more
 * than a float32 factorisation of n = 3,200), so {@link #forRows} reserves the largest fit's training-Gram buffers (K
 * and W) up front and the smaller fits use their beginning; the solver's buffers grow with the first fit that needs
 * them. Not thread-safe: one workspace per thread; {@link #close()} frees the native
 * memory (the garbage collector also reclaims an unclosed one).
 */
public final class FitWorkspace implements AutoCloseable {
    private final GramWorkspace gram = new GramWorkspace();
    private final SolverWorkspace solver = new SolverWorkspace();

    /** An empty workspace: buffers grow with the fits that use it. */
    public FitWorkspace() {
    }

    /**
     * A workspace with the n×n native K and W of a fit on {@code rows} training rows reserved (not yet touched) when
     * {@code precision} resolves to mixed arithmetic for that many rows; an empty one otherwise. Checks first, as every
     * fit does, that such a fit fits in memory ({@link Rfm#requireMemory}: one line with advice if not).
     */
    public static FitWorkspace forRows(int rows, Precision precision) {
        org.featurelab.linalg.Arithmetic arithmetic = precision.resolve(rows);
        Rfm.requireMemory(rows, arithmetic);   // the one-line refusal with advice, before anything is allocated
        FitWorkspace ws = new FitWorkspace();
        if (arithmetic == org.featurelab.linalg.Arithmetic.MIXED) {
            ws.gram.reserveUpperTriangles(rows);
        }
        return ws;
    }

    GramWorkspace gram() {
        return gram;
    }

    SolverWorkspace solver() {
        return solver;
    }

    @Override
    public void close() {
        gram.close();
        solver.close();
    }
}
