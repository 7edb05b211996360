package org.featurelab.tabular;

import org.featurelab.boosting.BoostedModel;
import org.featurelab.boosting.Boosting;
import org.featurelab.linalg.Matrix;
import org.featurelab.partition.PartitionedRfmModel;
import org.featurelab.rfm.RfmModel;

/**
 * What a {@link TabularModel} predicts with, after the preprocessing: a kernel machine (the plain kernel or an RFM,
 * with its (L, λ, t) tuning), a tree-partitioned kernel machine (one per leaf, (L, λ) tuned once on a subsample) or
 * boosted trees (with their (max_depth, eta, rounds) tuning, or none for XGBoost's
 * defaults), or an ensemble of kernel machines. All read the same preprocessed matrix X (n×d) and return n×c scores.
 */
public sealed interface FittedModel permits FittedModel.TunedKernels, FittedModel.Trees, FittedModel.Ensemble {
    /** Scores for preprocessed X (n×d): class scores (probabilities for trees) n×c, or values n×1. */
    Matrix predict(Matrix x);

    /**
     * Class probabilities (n×c, rows summing to 1) from the scores {@link #predict} returned: softmax(β·s) with the
     * tuned inverse temperature for a kernel machine ({@link Tuner.Result#calibration}), the trees' own probabilities
     * for boosted trees. Classification only.
     */
    Matrix probabilities(Matrix scores);

    /** d: the preprocessed features the model reads. */
    int dimension();

    /** The chosen hyper-parameters as {@code key=value;...} (results.csv's form). */
    String hyperparameters();

    /** Validation score of the chosen candidate (accuracy, or −MSE for regression); NaN when nothing was tuned. */
    double validationScore();

    /** Rows the candidates were fitted on (0 when nothing was tuned). */
    int fitRows();

    /** Rows the candidates were scored on (0 when nothing was tuned). */
    int validationRows();

    /** Candidates tried (1 when nothing was tuned). */
    int candidates();

    /** A kernel machine or a tree of them: (L, λ) chosen by {@link Tuner}, whose result also gives the temperature. */
    sealed interface TunedKernels extends FittedModel permits Kernel, Partitioned {
        /** The (L, λ, t) tuning. */
        Tuner.Result tuning();

        @Override
        default Matrix probabilities(Matrix scores) {
            return tuning().calibration().probabilities(scores);
        }

        @Override
        default double validationScore() {
            return tuning().chosen().validationScore();
        }

        @Override
        default int fitRows() {
            return tuning().fitRows();
        }

        @Override
        default int validationRows() {
            return tuning().validationRows();
        }

        @Override
        default int candidates() {
            return tuning().candidates().size();
        }
    }

    /** A kernel machine with its tuning. */
    record Kernel(RfmModel rfm, Tuner.Result tuning) implements TunedKernels {
        public Kernel {
            if (rfm == null || tuning == null) {
                throw new IllegalArgumentException("kernel model: rfm and tuning are required");
            }
        }

        @Override
        public Matrix predict(Matrix x) {
            return rfm.predict(x);
        }

        @Override
        public int dimension() {
            return rfm.dimension();
        }

        @Override
        public String hyperparameters() {
            Tuner.Candidate c = tuning.chosen();
            return "L=" + Tuner.compact(c.bandwidth()) + ";ridge=" + Tuner.compact(c.ridge()) + ";iteration=" + rfm.iteration();
        }
    }

    /**
     * A tree-partitioned kernel machine ({@link PartitionedRfmModel}): (L, λ) from {@code tuning} (done once, on a
     * subsample), the iteration picked per leaf on the leaf's own hold-out rows.
     */
    record Partitioned(PartitionedRfmModel model, Tuner.Result tuning, int maxLeafSize) implements TunedKernels {
        public Partitioned {
            if (model == null || tuning == null) {
                throw new IllegalArgumentException("partitioned model: the tree and the tuning are required");
            }
        }

        @Override
        public Matrix predict(Matrix x) {
            return model.predict(x);
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public String hyperparameters() {
            Tuner.Candidate c = tuning.chosen();
            return "L=" + Tuner.compact(c.bandwidth()) + ";ridge=" + Tuner.compact(c.ridge()) + ";leaves="
                    + model.leaves().size() + ";max_leaf_size=" + maxLeafSize;
        }
    }

    /**
     * Boosted trees; {@code tuning} is null when nothing was tuned (XGBoost's defaults), else the grid scored on
     * {@code fitRows} / {@code validationRows} rows.
     */
    record Trees(BoostedModel trees, Boosting.Tuning tuning, int fitRows, int validationRows) implements FittedModel {
        public Trees {
            if (trees == null) {
                throw new IllegalArgumentException("tree model: the booster is required");
            }
        }

        @Override
        public Matrix predict(Matrix x) {
            return trees.predict(x);
        }

        @Override
        public Matrix probabilities(Matrix scores) {
            return scores.copy();
        }

        @Override
        public int dimension() {
            return trees.features();
        }

        @Override
        public String hyperparameters() {
            return trees.config().describe();
        }

        @Override
        public double validationScore() {
            return tuning == null ? Double.NaN : tuning.chosen().validationScore();
        }

        @Override
        public int candidates() {
            return tuning == null ? 1 : tuning.candidates().size();
        }
    }

    /**
     * An ensemble of kernel machines ({@link ModelKind#members()}), each tuned and refitted on its own, whose scores are
     * averaged: s(x) = (1/m)·Σₖ sₖ(x) (class scores or values; the predicted class is the argmax of the mean, as in
     * {@code benchmark uci}'s ensembles). Class probabilities are softmax(β·s) with β fitted ({@link
     * org.featurelab.scoring.TemperatureScaling}) on the mean of the members' validation scores; NaN β (regression,
     * nothing tuned) means β = 1.
     *
     * @param members         the members, in {@link ModelKind#members()} order
     * @param names           their names ({@link ModelKind.Member#name()})
     * @param calibrationBeta the ensemble's inverse temperature, or NaN
     * @param validationScore the ensemble's own score on the validation rows (accuracy, or −MSE), or NaN
     */
    record Ensemble(java.util.List<Kernel> members, java.util.List<String> names, double calibrationBeta,
                    double validationScore) implements FittedModel {
        public Ensemble {
            members = java.util.List.copyOf(members);
            names = java.util.List.copyOf(names);
            if (members.size() < 2 || names.size() != members.size()) {
                throw new IllegalArgumentException("ensemble: need at least two members, one name each (got "
                        + members.size() + " members, " + names.size() + " names)");
            }
            int d = members.get(0).dimension();
            int c = members.get(0).rfm().outputs();
            for (Kernel k : members) {
                if (k.dimension() != d || k.rfm().outputs() != c) {
                    throw new IllegalArgumentException("ensemble: members read " + d + " features into " + c
                            + " outputs, one reads " + k.dimension() + " into " + k.rfm().outputs());
                }
            }
        }

        @Override
        public Matrix predict(Matrix x) {
            Matrix sum = members.get(0).predict(x);
            for (int k = 1; k < members.size(); k++) {
                sum.addInPlace(1.0, members.get(k).predict(x));
            }
            sum.scaleInPlace(1.0 / members.size());
            return sum;
        }

        @Override
        public Matrix probabilities(Matrix scores) {
            return new org.featurelab.scoring.TemperatureScaling(Double.isNaN(calibrationBeta) ? 1.0 : calibrationBeta)
                    .probabilities(scores);
        }

        @Override
        public int dimension() {
            return members.get(0).dimension();
        }

        /** The members' choices: {@code nfa-rfm[L=5 ridge=0.001 iteration=2]+laplace-l1[L=10 ridge=0.1 iteration=0]}. */
        @Override
        public String hyperparameters() {
            java.util.List<String> parts = new java.util.ArrayList<>();
            for (int k = 0; k < members.size(); k++) {
                parts.add(names.get(k) + "[" + members.get(k).hyperparameters().replace(';', ' ') + "]");
            }
            return String.join("+", parts);
        }

        @Override
        public int fitRows() {
            return members.get(0).fitRows();
        }

        @Override
        public int validationRows() {
            return members.get(0).validationRows();
        }

        /** Candidates tried over all members. */
        @Override
        public int candidates() {
            return members.stream().mapToInt(Kernel::candidates).sum();
        }
    }
}
