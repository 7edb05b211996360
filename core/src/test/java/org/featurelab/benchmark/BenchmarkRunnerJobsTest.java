package org.featurelab.benchmark;

import org.featurelab.linalg.Blas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link BenchmarkRunner} with several datasets at once: the same outcome as one at a time, isolation, resume. */
class BenchmarkRunnerJobsTest {
    @TempDir
    Path dir;

    private static final List<String> DATASETS = List.of("a", "b", "broken", "c", "d");
    private static final List<String> MODELS = List.of("m1", "m2");

    /** A unit's scores are a function of (dataset, fold, model) only; "broken" fails to load, (c, 1, m2) throws. */
    private static UnitResult unit(String data, int fold, String model) {
        if (data.equals("c") && fold == 1 && model.equals("m2")) {
            throw new IllegalStateException("unit failed\non two lines");
        }
        double score = (data.hashCode() % 97 + 10 * fold + model.length()) / 200.0;
        return new UnitResult(data, fold, model, "ridge=1", score, score / 2, 0.0);
    }

    private static String load(String name) {
        if (name.equals("broken")) {
            throw new IllegalArgumentException("cannot read broken");
        }
        return name;
    }

    @Test
    void twoJobsGiveTheOutcomeOfOneInPlanOrder() {
        BenchmarkRunner.Outcome one = BenchmarkRunner.run(DATASETS, 3, MODELS, BenchmarkRunnerJobsTest::load,
                BenchmarkRunnerJobsTest::unit, ResultsFile.open(dir.resolve("one.csv")), BenchmarkRunner.Listener.NONE, 1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<BenchmarkRunner.Progress> progress = new ArrayList<>();
        BenchmarkRunner.Outcome two = BenchmarkRunner.run(DATASETS, 3, MODELS, BenchmarkRunnerJobsTest::load,
                (d, f, m) -> {
                    threads.add(Thread.currentThread().getName());
                    return unit(d, f, m);
                }, ResultsFile.open(dir.resolve("two.csv")), progress::add, 2);
        assertEquals(one.results(), two.results());
        assertEquals(5 * 3 * 2, two.total());
        assertEquals(4 * 3 * 2 - 1, two.results().size());
        assertEquals(one.failures(), two.failures()); // in plan order, whatever order they happened in
        assertEquals(3 * 2 + 1, two.failures().size()); // broken's six units and (c, 1, m2)
        assertTrue(two.failures().stream().allMatch(f -> !f.message().contains("\n")), two.failures().toString());
        // the listener saw every unit once, with done counting up by one
        assertEquals(30, progress.size());
        for (int i = 0; i < progress.size(); i++) {
            assertEquals(i + 1, progress.get(i).done());
        }
        assertTrue(threads.stream().allMatch(t -> t.startsWith("featurelab-job")), threads.toString());
        // results.csv holds every finished unit once, whatever order they finished in
        assertEquals(Set.copyOf(one.results()), Set.copyOf(ResultsFile.open(dir.resolve("two.csv")).existing()));
    }

    @Test
    void theJobsRunAtOnceAndTheNativeBlasIsRestored() throws InterruptedException {
        // each dataset's first unit waits until both datasets have started: with one job this would never finish
        CountDownLatch started = new CountDownLatch(2);
        AtomicInteger blasDuringRun = new AtomicInteger(-1);
        int before = Blas.threads();
        BenchmarkRunner.Outcome o = BenchmarkRunner.run(List.of("a", "b"), 1, List.of("m1"), n -> n, (d, f, m) -> {
            started.countDown();
            try {
                assertTrue(started.await(30, TimeUnit.SECONDS), "the other dataset did not start");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            blasDuringRun.set(Blas.threads());
            return unit(d, f, m);
        }, ResultsFile.open(dir.resolve("r.csv")), BenchmarkRunner.Listener.NONE, 2);
        assertEquals(2, o.results().size());
        assertEquals(1, blasDuringRun.get());
        assertEquals(before, Blas.threads());
    }

    @Test
    void aListenerThatThrowsStopsEveryJobAndTheErrorComesBackOnce() {
        // the listener fails on the third unit it hears of; no job starts a unit after that, and run() throws it
        AtomicInteger heard = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BenchmarkRunner.run(
                List.of("a", "b", "c", "d"), 3, MODELS, BenchmarkRunnerJobsTest::load, (d, f, m) -> {
                    started.incrementAndGet();
                    return unit(d, f, m);
                }, ResultsFile.open(dir.resolve("abort.csv")), p -> {
                    if (heard.incrementAndGet() == 3) {
                        throw new IllegalStateException("listener broke");
                    }
                }, 2));
        assertEquals("listener broke", e.getMessage());
        assertTrue(started.get() <= 4, "units started after the abort: " + started.get()); // 3 heard + 1 in flight
    }

    @Test
    void resumedUnitsAreNotRunAgainAndJobsMustBePositive() {
        Path file = dir.resolve("resume.csv");
        BenchmarkRunner.run(List.of("a", "b"), 2, MODELS, BenchmarkRunnerJobsTest::load, BenchmarkRunnerJobsTest::unit,
                ResultsFile.open(file), BenchmarkRunner.Listener.NONE, 2);
        AtomicInteger ran = new AtomicInteger();
        BenchmarkRunner.Outcome again = BenchmarkRunner.run(List.of("a", "b", "d"), 2, MODELS,
                BenchmarkRunnerJobsTest::load, (d, f, m) -> {
                    ran.incrementAndGet();
                    return unit(d, f, m);
                }, ResultsFile.open(file), BenchmarkRunner.Listener.NONE, 3);
        assertEquals(8, again.skipped());
        assertEquals(4, ran.get());
        assertEquals(12, again.results().size());
        assertThrows(IllegalArgumentException.class, () -> BenchmarkRunner.run(List.of("a"), 1, MODELS,
                BenchmarkRunnerJobsTest::load, BenchmarkRunnerJobsTest::unit, ResultsFile.open(dir.resolve("x.csv")),
                BenchmarkRunner.Listener.NONE, 0));
    }
}
