package org.featurelab.experiment.fact;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.training.DiagnosedStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick fact-validation run (5 hidden ReLU layers of width 32, synthetic 10-class task, λ = 10⁻², 3000 full-batch
 * steps). Measured at seed 0: ρ(WᵀW, FACT) = 0.966 / 0.998 / 0.999 / 0.999 / 0.999 / 0.998 per layer against
 * ρ(WᵀW, AGOP^½) = 0.923 / 0.986 / 0.991 / 0.996 / 0.991 / 0.984; the thresholds leave room for platform round-off.
 */
class FactValidationExperimentTest {
    @Test
    void factAboveNfaAtConvergence() {
        FactValidation.Result result = FactValidation.run(FactValidation.Config.quick(), Progress.NONE);
        DiagnosedStep last = result.run().last();
        assertEquals(6, last.layers().size());
        for (DiagnosedStep.Layer l : last.layers()) {
            assertTrue(l.pearsonFact() > l.pearsonNfa(), "layer " + l.index() + ": FACT " + l.pearsonFact() + " NFA " + l.pearsonNfa());
            assertTrue(l.pearsonFact() >= 0.9, "layer " + l.index() + ": FACT " + l.pearsonFact());
        }
        // far from a stationary point (step 0) FACT does not match WᵀW (measured: ρ = −0.54 on layer 0)
        for (DiagnosedStep.Layer l : result.run().steps().get(0).layers()) {
            assertTrue(l.pearsonFact() < 0.6, "step 0 layer " + l.index() + ": " + l.pearsonFact());
        }
        ExperimentReport r = FactValidationExperiment.report(result);
        JsonNode s = r.summary();
        for (String key : List.of("layers", "train_loss", "grad_norm", "data_loss", "test_error", "fact_above_nfa")) {
            assertTrue(s.has(key), key);
        }
        assertTrue(s.get("fact_above_nfa").asBoolean());
        JsonNode layer = s.get("layers").get(0);
        for (String key : List.of("index", "pearson_fact", "cosine_fact", "pearson_nfa", "cosine_nfa", "best_alpha", "uc_nfa",
                "c_nfa", "fact_rel_error", "balancedness")) {
            assertTrue(layer.has(key), key);
        }
        assertEquals(last.layers().get(0).pearsonFact(), layer.get("pearson_fact").asDouble(), 0.0);
        assertEquals(8, r.plots().size()); // one per layer + loss + stationarity
        JsonNode st = s.get("stationarity");
        assertEquals(6, st.get("layers").size());
        assertEquals(1, s.get("seeds").size());
        assertEquals(0.0, s.get("across_seeds").get("layers").get(0).get("pearson_fact_sd").asDouble(), 0.0);
        assertTrue(result.testError() < 0.5, "test error " + result.testError());
    }

    /** Two seeds of a tiny synthetic run: the across-seed entries are the mean and the (n − 1) sd of the per-seed ones. */
    @Test
    void seedsAreSummarisedAsMeanAndSampleSd() {
        FactValidation.Config tiny = FactValidation.Config.quick().withData(null, 60, 50).withTraining(16, null, null, 10, 10)
                .withSeed(3).withSeeds(2);
        JsonNode s = FactValidationExperiment.run(tiny, Progress.NONE).summary();
        assertEquals(2, s.get("seeds").size());
        assertEquals(4, s.get("seeds").get(1).get("seed").asInt());
        JsonNode across = s.get("across_seeds");
        for (String key : List.of("pearson_fact", "pearson_nfa", "stationarity_ratio")) {
            double a = s.get("seeds").get(0).get("layers").get(0).get(key).asDouble();
            double b = s.get("seeds").get(1).get("layers").get(0).get(key).asDouble();
            assertEquals((a + b) / 2, across.get("layers").get(0).get(key + "_mean").asDouble(), 1e-12 * (1 + Math.abs(a)), key);
            assertEquals(Math.abs(a - b) / Math.sqrt(2), across.get("layers").get(0).get(key + "_sd").asDouble(),
                    1e-12 * (1 + Math.abs(a)), key);
        }
        // the first seed's run is the top-level summary
        assertEquals(s.get("layers").get(0).get("pearson_fact").asDouble(),
                s.get("seeds").get(0).get("layers").get(0).get("pearson_fact").asDouble(), 0.0);
        assertFalse(s.get("stationarity").get("near_stationary").asBoolean(), "10 steps cannot be stationary");
    }
}
