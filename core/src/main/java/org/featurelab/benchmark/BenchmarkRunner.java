package org.featurelab.benchmark;

import org.featurelab.base.ParallelJobs;
import org.featurelab.linalg.Blas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark loop shared by {@code featurelab benchmark uci} and {@code benchmark csv}: every (dataset, fold,
 * model) unit of a plan through a {@link Task}, with resume and failure isolation.
 * <ul>
 *   <li>Order: datasets in the given order, then folds, then models; a dataset is loaded once, and only when one of
 *       its units is still to run.</li>
 *   <li>Resume: a unit whose (dataset, fold, model) is already in the {@link ResultsFile} is skipped; every
 *       finished unit is appended there at once.</li>
 *   <li>Isolation: an exception (or an {@link OutOfMemoryError}) while loading a dataset fails all its pending units,
 *       one while running a unit fails that unit; each failure is reported and the loop goes on. Failed units are not
 *       written to results.csv, so a later run retries them.</li>
 *   <li>Jobs: with {@code jobs} &gt; 1, that many datasets run at once, each on one thread that loads it and runs its
 *       units in the order above; a thread takes the next dataset of the plan when it is done with one. A unit's
 *       result does not depend on it (every unit is a function of its dataset, fold and model, with its own seeds),
 *       results.csv then holds the rows in the order they finished, and the outcome lists them in plan order as
 *       always. The native BLAS is set to one thread for the loop (and restored after it), so that the jobs, not
 *       BLAS's threads, share the cores.</li>
 * </ul>
 */
public final class BenchmarkRunner {
    private BenchmarkRunner() {
    }

    /** Loads a dataset by name (may throw; the loop records the failure for all its units). */
    @FunctionalInterface
    public interface Loader<D> {
        D load(String dataset);
    }

    /** Runs one unit on a loaded dataset (may throw; the loop records the failure for that unit). */
    @FunctionalInterface
    public interface Task<D> {
        UnitResult run(D data, int fold, String model);
    }

    /** One (dataset, fold, model) of the plan. */
    public record Unit(String dataset, int fold, String model) {
    }

    /** A unit that threw; {@code message} is one line. */
    public record Failure(String dataset, int fold, String model, String message) {
    }

    /**
     * Progress after one unit (finished or failed).
     *
     * @param done           units done (skipped ones included) out of {@code total}
     * @param elapsedSeconds wall time since the loop started
     * @param etaSeconds     remaining units × the mean time of the units run so far, over the jobs running at once
     * @param result         the unit's result, or null when it failed
     * @param failure        the failure, or null when it finished
     */
    public record Progress(int done, int total, Unit unit, double elapsedSeconds, double etaSeconds,
                           UnitResult result, Failure failure) {
    }

    /** Receives one {@link Progress} per unit run. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> { };

        void unitDone(Progress progress);
    }

    /**
     * The outcome of a loop.
     *
     * @param results     one result per finished unit of the plan (earlier runs included), in plan order
     * @param failures    the units that failed in this run, in plan order
     * @param skipped     units found in results.csv and not rerun
     * @param wallSeconds wall time of this run
     */
    public record Outcome(List<UnitResult> results, List<Failure> failures, int skipped, int total,
                          double wallSeconds) {
    }

    /**
     * Runs the plan {@code datasets × folds 0..folds−1 × models}.
     *
     * @param results the open results file: its rows are the finished units; new results are appended to it
     */
    public static <D> Outcome run(List<String> datasets, int folds, List<String> models, Loader<D> loader, Task<D> task,
                                  ResultsFile results, Listener listener) {
        return run(datasets, folds, models, loader, task, results, listener, 1);
    }

    /**
     * {@link #run(List, int, List, Loader, Task, ResultsFile, Listener)} with {@code jobs} datasets at a time (see the
     * class comment); the listener is called from the job threads, one call at a time.
     *
     * @throws IllegalArgumentException for jobs &lt; 1
     */
    public static <D> Outcome run(List<String> datasets, int folds, List<String> models, Loader<D> loader, Task<D> task,
                                  ResultsFile results, Listener listener, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("benchmark: jobs must be >= 1, got " + jobs);
        }
        long start = System.nanoTime();
        Map<Unit, UnitResult> finished = new ConcurrentHashMap<>();
        for (UnitResult r : results.existing()) {
            finished.putIfAbsent(new Unit(r.dataset(), r.fold(), r.model()), r);
        }
        Map<String, List<Unit>> plan = new LinkedHashMap<>();
        Set<String> unique = new LinkedHashSet<>(datasets);
        for (String name : unique) {
            List<Unit> units = new ArrayList<>();
            for (int j = 0; j < folds; j++) {
                for (String m : models) {
                    units.add(new Unit(name, j, m));
                }
            }
            plan.put(name, units);
        }
        int total = plan.size() * folds * models.size();
        int skipped = (int) plan.values().stream().flatMap(List::stream).filter(finished::containsKey).count();
        List<List<Unit>> pendingByDataset = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<Unit>> e : plan.entrySet()) {
            List<Unit> pending = e.getValue().stream().filter(u -> !finished.containsKey(u)).toList();
            if (!pending.isEmpty()) {
                names.add(e.getKey());
                pendingByDataset.add(pending);
            }
        }
        int threads = Math.min(jobs, Math.max(1, names.size()));
        Tally tally = new Tally(start, total, skipped, threads, results, listener);
        int blasThreads = Blas.threads();
        if (threads > 1) {
            Blas.setThreads(1);
        }
        try {
            // every job catches its own failures (a unit's are recorded; one of results.csv or the listener stops all
            // jobs before their next unit), so the pool returns only when every job has ended
            ParallelJobs.map(names.size(), threads, i -> {
                runDataset(names.get(i), pendingByDataset.get(i), loader, task, finished, tally);
                return null;
            });
        } finally {
            if (threads > 1) {
                Blas.setThreads(blasThreads);
            }
        }
        tally.rethrowAbort();
        List<UnitResult> ordered = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<Unit, Failure> failed = tally.failures();
        for (List<Unit> units : plan.values()) {
            for (Unit u : units) {
                UnitResult r = finished.get(u);
                if (r != null) {
                    ordered.add(r);
                } else if (failed.containsKey(u)) {
                    failures.add(failed.get(u));
                }
            }
        }
        return new Outcome(ordered, List.copyOf(failures), skipped, total, (System.nanoTime() - start) / 1e9);
    }

    /** Loads one dataset and runs its pending units in order, on the caller's thread. */
    private static <D> void runDataset(String name, List<Unit> pending, Loader<D> loader, Task<D> task,
                                       Map<Unit, UnitResult> finished, Tally tally) {
        D data = null;
        String loadError = null;
        long loadStart = System.nanoTime();
        try {
            data = loader.load(name);
        } catch (RuntimeException | OutOfMemoryError ex) {
            loadError = "load: " + message(ex);
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        for (int k = 0; k < pending.size() && !tally.aborted(); k++) {
            Unit u = pending.get(k);
            long unitStart = System.nanoTime();
            UnitResult result = null;
            Failure failure = null;
            if (data == null) {
                failure = new Failure(u.dataset(), u.fold(), u.model(), loadError);
            } else {
                try {
                    result = task.run(data, u.fold(), u.model());
                } catch (RuntimeException | OutOfMemoryError ex) {
                    failure = new Failure(u.dataset(), u.fold(), u.model(), message(ex));
                }
            }
            if (result != null) {
                finished.put(u, result);
            }
            tally.unitDone(u, result, failure, (System.nanoTime() - unitStart) / 1e9 + (k == 0 ? loadSeconds : 0));
        }
    }

    /**
     * The loop's shared counters, the results file and the listener, behind one lock: results.csv gets whole lines,
     * the listener one call at a time with consistent counts.
     */
    private static final class Tally {
        private final long start;
        private final int total;
        private final int threads;
        private final ResultsFile results;
        private final Listener listener;
        private final Map<Unit, Failure> failures = new HashMap<>();
        private int done;
        private int ran;
        private double ranSeconds;
        private RuntimeException abort;

        Tally(long start, int total, int skipped, int threads, ResultsFile results, Listener listener) {
            this.start = start;
            this.total = total;
            this.threads = threads;
            this.done = skipped;
            this.results = results;
            this.listener = listener;
        }

        /**
         * Records a unit: appends its result to results.csv (or keeps its failure) and tells the listener. Should
         * either throw (results.csv cannot be written), the loop is aborted: no job starts another unit, and
         * {@link #rethrowAbort} throws it once all jobs have ended.
         */
        synchronized void unitDone(Unit u, UnitResult result, Failure failure, double seconds) {
            if (abort != null) {
                return;
            }
            try {
                if (result != null) {
                    results.append(result);
                } else {
                    failures.put(u, failure);
                }
                done++;
                ran++;
                ranSeconds += seconds;
                double eta = ranSeconds / ran * (total - done) / threads;
                listener.unitDone(new Progress(done, total, u, (System.nanoTime() - start) / 1e9, eta, result, failure));
            } catch (RuntimeException e) {
                abort = e;
            }
        }

        synchronized boolean aborted() {
            return abort != null;
        }

        synchronized void rethrowAbort() {
            if (abort != null) {
                throw abort;
            }
        }

        synchronized Map<Unit, Failure> failures() {
            return Map.copyOf(failures);
        }
    }

    /** The exception as one line: its message (or type), newlines folded. */
    static String message(Throwable t) {
        String m = t.getMessage();
        String text = m == null || m.isBlank() ? t.getClass().getSimpleName()
                : (t instanceof IllegalArgumentException ? "" : t.getClass().getSimpleName() + ": ") + m;
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
