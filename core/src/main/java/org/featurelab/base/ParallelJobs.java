package org.featurelab.base;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent jobs on a fixed pool of threads and returns their results in job order. Each job must own its
 * state (its own random generator, its own buffers), so the results do not depend on the number of threads or on
 * the scheduling: same jobs → same results.
 */
public final class ParallelJobs {
    private ParallelJobs() {
    }

    /** The default pool size: the available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Results of {@code job.apply(i)} for i = 0 … n−1, computed on {@code threads} threads (1: in the caller's thread).
     * A job's exception is rethrown unchanged if it is unchecked.
     */
    public static <T> List<T> map(int n, int threads, IntFunction<T> job) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        List<T> out = new ArrayList<>(n);
        if (threads == 1 || n <= 1) {
            for (int i = 0; i < n; i++) {
                out.add(job.apply(i));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "featurelab-job");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int idx = i;
                futures.add(pool.submit(() -> job.apply(idx)));
            }
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for jobs", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
