package org.featurelab.tabular;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry of model names. */
class ModelKindTest {

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void everyIdAndAliasParsesToItsEntryInAnyCase(ModelKind kind) {
        List<String> names = new ArrayList<>(kind.aliases());
        names.add(kind.id());
        for (String name : names) {
            assertEquals(kind, ModelKind.parse(name), name);
            assertEquals(kind, ModelKind.parse("  " + name.toUpperCase(Locale.ROOT) + "\t"), name);
        }
        assertEquals(kind.id().toLowerCase(Locale.ROOT).strip(), kind.id());
        boolean rfm = kind != ModelKind.LAPLACE && kind != ModelKind.XGBOOST && kind != ModelKind.XGBOOST_TUNED;
        assertEquals(rfm, kind.learnsFeatures());
        assertEquals(rfm ? 5 : 0, kind.defaultIterations());
        assertEquals(kind == ModelKind.XGBOOST || kind == ModelKind.XGBOOST_TUNED, kind.isBoosted());
        assertEquals(!kind.isBoosted(), kind.isKernel());
    }

    @Test
    void namesAreUniqueAndTheGeometricMeanKeepsThePapersSpelling() {
        List<String> all = new ArrayList<>(ModelKind.ids());
        for (ModelKind k : ModelKind.values()) {
            all.addAll(k.aliases());
        }
        assertEquals(all.size(), new HashSet<>(all).size(), all::toString);
        assertEquals(List.of("laplace", "nfa-rfm", "fact-rfm", "fact-rfm-gm", "nfa-rfm-sqrt", "nfa-rfm+laplace-l1", "xgboost",
                "xgboost-tuned"), ModelKind.ids());
        assertEquals(List.of("laplace", "nfa-rfm", "fact-rfm", "fact-rfm-gm", "nfa-rfm-sqrt"), ModelKind.kernelIds());
        assertEquals(ModelKind.FACT_RFM_GM, ModelKind.parse("fact-gm-rfm"));
        assertEquals("fact-rfm-gm", ModelKind.parse("fact-gm-rfm").id());
    }

    @Test
    void theEnsembleListsItsMembersByTheirBenchmarkNames() {
        ModelKind e = ModelKind.NFA_RFM_LAPLACE_L1;
        assertTrue(e.isEnsemble() && e.isKernel() && e.learnsFeatures());
        assertEquals(String.join("+", e.members().stream().map(ModelKind.Member::name).toList()), e.id());
        assertEquals(List.of(new ModelKind.Member(ModelKind.NFA_RFM, org.featurelab.kernel.KernelKind.LAPLACE),
                new ModelKind.Member(ModelKind.LAPLACE, org.featurelab.kernel.KernelKind.PRODUCT_LAPLACE)), e.members());
        for (ModelKind k : ModelKind.values()) {
            assertEquals(k == e, k.isEnsemble(), k.id());
            assertEquals(k == e, !k.members().isEmpty(), k.id());
        }
    }

    @Test
    void unknownNamesAreRejectedListingTheRegistry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelKind.parse("svm"));
        assertEquals("unknown model 'svm': expected laplace, nfa-rfm, fact-rfm, fact-rfm-gm, nfa-rfm-sqrt, nfa-rfm+laplace-l1, xgboost or xgboost-tuned "
                        + "(alias fact-gm-rfm = fact-rfm-gm)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelKind.parse("fact-gm"));
        assertThrows(IllegalArgumentException.class, () -> ModelKind.parse(""));
        assertThrows(IllegalArgumentException.class, () -> ModelKind.parse(null));
    }
}
