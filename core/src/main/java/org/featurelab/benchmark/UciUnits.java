package org.featurelab.benchmark;

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
    private final PerDatasetCache<UciProtocol.Scored> scored = new PerDatasetCache<>();
    private final AtomicLong reused = new AtomicLong();

    public UciUnits(UciProtocol.Settings settings) {
        this.settings = settings;
    }

    /** One unit: {@link UciProtocol#unit}, with single models reused within the dataset (see the class comment). */
    public UnitResult run(UciDataset data, int fold, UciModel model) {
        if (model.kind().isBoosted()) {
            return UciProtocol.unit(data, fold, model, settings);
        }
        Map<String, UciProtocol.Scored> kept = scored.of(data.name());
        UciProtocol.Members members = (member, compute) -> {
            String key = fold + " " + member.name();
            UciProtocol.Scored s = kept.get(key);
            if (s != null) {
                reused.incrementAndGet();
                return s;
            }
            s = compute.get();
            kept.put(key, s);
            return s;
        };
        return UciProtocol.scored(data, fold, model, settings, members).result().toUnitResult();
    }

    /** How many single models were reused instead of computed, over all threads so far. */
    public long reused() {
        return reused.get();
    }
}
