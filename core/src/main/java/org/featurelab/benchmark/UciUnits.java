package org.featurelab.benchmark;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The units of a leak-free {@code benchmark uci} run ({@link UciProtocol#unit}), with every single kernel model
 * computed at most once per (dataset, fold): a model that also appears as a member of an ensemble of the same run
 * ({@code nfa-rfm} and {@code nfa-rfm+laplace-l1}), or in two ensembles, is fitted once and its test scores are
 * reused. Reuse gives the same numbers as computing again (the protocol is deterministic: {@code UciUnitsTest}).
 *
 * <p>The kept scores are those of the dataset a thread is on (the runner runs a dataset's folds and models on one
 * thread, also with several jobs), dropped when the thread moves to the next dataset; a resumed unit was not computed
 * in this run, so an ensemble after it computes its members itself.
 */
public final class UciUnits {
    private final UciProtocol.Settings settings;
    private final ThreadLocal<Cache> cache = ThreadLocal.withInitial(Cache::new);
    private final AtomicLong reused = new AtomicLong();

    /** One thread's kept single models, for its current dataset. */
    private static final class Cache {
        private final Map<String, UciProtocol.Scored> scored = new HashMap<>();
        private String dataset;
    }

    public UciUnits(UciProtocol.Settings settings) {
        this.settings = settings;
    }

    /** One unit: {@link UciProtocol#unit}, with single models reused within the dataset (see the class comment). */
    public UnitResult run(UciDataset data, int fold, UciModel model) {
        if (model.kind().isBoosted()) {
            return UciProtocol.unit(data, fold, model, settings);
        }
        Cache c = cache.get();
        if (!data.name().equals(c.dataset)) {
            c.scored.clear();
            c.dataset = data.name();
        }
        UciProtocol.Members members = (member, compute) -> {
            String key = fold + " " + member.name();
            UciProtocol.Scored kept = c.scored.get(key);
            if (kept != null) {
                reused.incrementAndGet();
                return kept;
            }
            UciProtocol.Scored s = compute.get();
            c.scored.put(key, s);
            return s;
        };
        return UciProtocol.scored(data, fold, model, settings, members).result().toUnitResult();
    }

    /** How many single models were reused instead of computed, over all threads so far. */
    public long reused() {
        return reused.get();
    }
}
