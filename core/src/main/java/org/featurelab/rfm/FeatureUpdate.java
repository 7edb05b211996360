package org.featurelab.rfm;

import org.featurelab.kernel.KernelBasis;
import org.featurelab.kernel.Metric;
import org.featurelab.kernel.TrainingGram;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.PsdFunctions;

import java.util.Locale;

/**
 * How an RFM iteration learns the next feature matrix M from the current predictor (basis + α).
 * Closed set: {@link Nfa} (AGOP power), {@link Fact} and {@link FactGeometricMean}.
 */
public sealed interface FeatureUpdate extends java.io.Serializable {

    /** Name used in model files and on the command line. */
    String name();

    /**
     * The next M (d×d, symmetric PSD), before scaling, for the predictor with coefficients {@code alpha} over
     * {@code basis}. {@code gram} is the basis' training Gram of this iteration (the one α was solved with);
     * {@code current} is the metric of {@code basis}.
     */
    Matrix next(KernelBasis basis, TrainingGram gram, Matrix alpha, Metric current);

    /** NFA-RFM: M ← AGOP^s (s = 1 classic tabular RFM, s = ½ grokking/networks), optionally gradient-centred. */
    record Nfa(double power, boolean centered) implements FeatureUpdate {
        public Nfa {
            if (power != 1.0 && power != 0.5) {
                throw new IllegalArgumentException("nfa: power must be 1 (AGOP) or 0.5 (AGOP^½), got " + power);
            }
        }

        @Override
        public String name() {
            return "nfa" + (power == 1 ? "" : "-sqrt") + (centered ? "-centered" : "");
        }

        @Override
        public Matrix next(KernelBasis basis, TrainingGram gram, Matrix alpha, Metric current) {
            Matrix agop = FeatureMatrices.agop(basis, gram, alpha, centered);
            return power == 1 ? agop : PsdFunctions.power(agop, power); // AGOP is PSD by construction
        }
    }

    /** FACT-RFM: M ← (FACT·FACTᵀ)^½. */
    record Fact() implements FeatureUpdate {
        @Override
        public String name() {
            return "fact";
        }

        @Override
        public Matrix next(KernelBasis basis, TrainingGram gram, Matrix alpha, Metric current) {
            Matrix f = FeatureMatrices.fact(basis, gram, alpha);
            return PsdFunctions.power(f.timesTranspose(f), 0.5);
        }
    }

    /** FACT-RFM, geometric mean: M ← (FACT·M²·FACTᵀ)^¼. */
    record FactGeometricMean() implements FeatureUpdate {
        @Override
        public String name() {
            return "fact-gm";
        }

        @Override
        public Matrix next(KernelBasis basis, TrainingGram gram, Matrix alpha, Metric current) {
            Matrix f = FeatureMatrices.fact(basis, gram, alpha);
            Matrix m = current.toMatrix();
            Matrix fm = f.times(m);
            return PsdFunctions.power(fm.timesTranspose(fm), 0.25);
        }
    }

    /**
     * Parses {@code nfa} (AGOP), {@code nfa-sqrt} (AGOP^½), either with suffix {@code -centered},
     * {@code fact}, {@code fact-gm}.
     */
    static FeatureUpdate parse(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        boolean centered = s.endsWith("-centered");
        if (centered) {
            s = s.substring(0, s.length() - "-centered".length());
        }
        return switch (s) {
            case "nfa", "agop" -> new Nfa(1.0, centered);
            case "nfa-sqrt", "agop-sqrt" -> new Nfa(0.5, centered);
            case "fact" -> centered ? reject(name) : new Fact();
            case "fact-gm" -> centered ? reject(name) : new FactGeometricMean();
            default -> reject(name);
        };
    }

    private static FeatureUpdate reject(String name) {
        throw new IllegalArgumentException("unknown feature update '" + name
                + "' (expected nfa, nfa-sqrt, nfa-centered, nfa-sqrt-centered, fact or fact-gm)");
    }
}
