package org.featurelab.experiment.catalog;

import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.experiment.alignment.CenteredNfa;
import org.featurelab.experiment.alignment.CenteredNfaExperiment;
import org.featurelab.experiment.deeplinear.Counterexample;
import org.featurelab.experiment.deeplinear.CounterexampleExperiment;
import org.featurelab.experiment.deeplinear.DeepLinear;
import org.featurelab.experiment.deeplinear.DeepLinearExperiment;
import org.featurelab.experiment.fact.FactValidation;
import org.featurelab.experiment.fact.FactValidationExperiment;
import org.featurelab.experiment.fact.SparseParityExperiment;
import org.featurelab.experiment.grokking.Grokking;
import org.featurelab.experiment.grokking.GrokkingExperiment;
import org.featurelab.experiment.meanfield.MeanFieldCurves;
import org.featurelab.experiment.meanfield.MeanFieldCurvesExperiment;
import org.featurelab.experiment.meanfield.MeanFieldPhase;
import org.featurelab.experiment.meanfield.MeanFieldPhaseExperiment;

import java.util.List;

/** The registry of {@code featurelab experiment NAME}: every experiment with its default and quick settings. */
public final class Experiments {
    private Experiments() {
    }

    /** Runs an experiment with its defaults (the papers') or its quick settings, and a seed. */
    @FunctionalInterface
    public interface Runner {
        ExperimentReport run(boolean quick, long seed, Progress progress);
    }

    /** An experiment: its name, a one-line description and its runner. */
    public record Entry(String name, String description, Runner runner) {
    }

    /** All experiments, in the order of {@code experiment all}. */
    public static List<Entry> all() {
        return List.of(
                new Entry("grokking", "RFMs grok modular addition; M becomes block-circulant",
                        (quick, seed, progress) -> GrokkingExperiment.run(
                                (quick ? Grokking.Config.quick() : Grokking.Config.defaults()).withSeed(seed), progress)),
                new Entry("sparse-parity", "RFMs learn sparse parities; M concentrates on the support",
                        (quick, seed, progress) -> SparseParityExperiment.run(
                                (quick ? SparseParityExperiment.Sweep.quick() : SparseParityExperiment.Sweep.defaults())
                                        .with(null, null, null, seed), progress)),
                new Entry("fact-validation", "Deep ReLU MLP with weight decay: WᵀW = FACT at convergence, above the NFA",
                        (quick, seed, progress) -> FactValidationExperiment.run(
                                (quick ? FactValidation.Config.quick() : FactValidation.Config.defaults()).withSeed(seed), progress)),
                new Entry("deep-linear", "Deep linear NFA: balanced nets have W1ᵀW1 = AGOP^(1/L); standard init needs weight decay",
                        (quick, seed, progress) -> DeepLinearExperiment.run(
                                (quick ? DeepLinear.Config.quick() : DeepLinear.Config.defaults()).with(null, null, null, seed), progress)),
                new Entry("counterexample", "A ReLU net fits [x1]+ + [x2]+ while WᵀW matches no power of the AGOP",
                        (quick, seed, progress) -> CounterexampleExperiment.run(
                                (quick ? Counterexample.Config.quick() : Counterexample.Config.defaults()).with(null, null, seed), progress)),
                new Entry("centered-nfa", "Centered NFA is higher for smaller init; SGD versus SLO",
                        (quick, seed, progress) -> CenteredNfaExperiment.run(
                                (quick ? CenteredNfa.Config.quick() : CenteredNfa.Config.defaults()).withSeed(seed), progress)),
                new Entry("mean-field", "Mean-field learning curves on parity: SGLD, MF, MF-ARD, NNGP kernel; test MSE, m_S vs P; weight marginals",
                        (quick, seed, progress) -> MeanFieldCurvesExperiment.run(
                                (quick ? MeanFieldCurves.Config.quick() : MeanFieldCurves.Config.defaults()).withSeed(seed), progress)),
                new Entry("mean-field-phase", "Mean-field phase diagram on parity: P_c(κ) for SGLD, MF, MF-ARD, kernel; κ_c at P → ∞",
                        (quick, seed, progress) -> MeanFieldPhaseExperiment.run(
                                (quick ? MeanFieldPhase.Config.quick() : MeanFieldPhase.Config.defaults()).withSeed(seed), progress)));
    }
}
