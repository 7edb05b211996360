package org.featurelab.benchmark;

import java.util.HashMap;
import java.util.Map;

/**
 * What one runner thread keeps for the dataset it is on: {@link BenchmarkRunner} runs all of a dataset's units on
 * one thread, also with several jobs, so a per-thread map that is emptied when the thread's dataset changes holds at
 * most one dataset's values per thread and never needs a lock.
 *
 * @param <V> the kept values
 */
final class PerDatasetCache<V> {
    private final ThreadLocal<Entry<V>> entry = ThreadLocal.withInitial(Entry::new);

    private static final class Entry<V> {
        private final Map<String, V> values = new HashMap<>();
        private String dataset;
    }

    /** This thread's values for {@code dataset}: the map it kept, or an empty one when it was on another dataset. */
    Map<String, V> of(String dataset) {
        Entry<V> e = entry.get();
        if (!dataset.equals(e.dataset)) {
            e.values.clear();
            e.dataset = dataset;
        }
        return e.values;
    }
}
