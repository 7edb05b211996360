package org.featurelab.benchmark;

import org.featurelab.kernel.Kernel;
import org.featurelab.kernel.Laplace;
import org.featurelab.kernel.ProductLaplace;
import org.featurelab.rfm.FeatureUpdate;
import org.featurelab.rfm.MetricScaling;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.tabular.ModelKind;

import java.util.List;

/**
 * A model of the benchmark: a {@link ModelKind} of the registry with the protocol's maximum iteration T
 * ({@value UciProtocol#RFM_ITERATIONS} for the RFMs, 0 for the plain kernel) and the kind's feature-update rule (unused when
 * T = 0), on the Laplace kernel exp(−‖x − z‖_M / L) or, with {@code l1}, the product-Laplace kernel
 * exp(−‖M^½(x − z)‖₁ / L) (the ℓ1 distance, exp(−Σⱼ |xⱼ − zⱼ| / L) at M = I; {@link ProductLaplace}); and, for an
 * ensemble, the {@code partners} whose class scores are added to its own, each member with its own choice of
 * (row norm, λ, L, t) and its own refit. Member order matters only for the name and for which member's choice the
 * result's fields describe ({@link UciResult#partners()} holds the others').
 *
 * <p>Names: the kind's {@link ModelKind#id() id}, {@code -l1} appended for the ℓ1 kernel, the partners' names after
 * {@code +}: {@code laplace}, {@code laplace-l1}, {@code nfa-rfm+laplace-l1}. Boosted trees take neither suffix.
 *
 * @param kind     the model kind (its id is the name's first part)
 * @param l1       the product-Laplace (ℓ1) kernel instead of the Laplace kernel (kernel machines only)
 * @param partners the other members of an ensemble (kernel machines without partners of their own), or empty
 */
public record UciModel(ModelKind kind, boolean l1, List<UciModel> partners) {
    /** The suffix of the ℓ1 kernel in a model's name. */
    public static final String L1_SUFFIX = "-l1";

    public UciModel {
        if (kind == null) {
            throw new IllegalArgumentException("uci model: a model kind is required");
        }
        if (partners == null || partners.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("uci model: partners must be a list of models (empty for none)");
        }
        partners = List.copyOf(partners);
        if (kind.isEnsemble()) {
            throw new IllegalArgumentException("uci model: " + kind.id() + " is an ensemble: give its members joined by '+'"
                    + " (parse)");
        }
        if (kind.isBoosted() && (l1 || !partners.isEmpty())) {
            throw new IllegalArgumentException("uci model: " + kind.id() + " is boosted trees: no " + L1_SUFFIX
                    + " kernel and no ensemble");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        names.add(kind.id() + (l1 ? L1_SUFFIX : ""));
        for (UciModel p : partners) {
            if (p.kind().isBoosted() || !p.partners().isEmpty()) {
                throw new IllegalArgumentException("uci model: an ensemble's partner must be one kernel machine, not "
                        + p.name());
            }
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("uci model: an ensemble lists " + p.name() + " twice");
            }
        }
    }

    /** The model of one kind on the Laplace kernel, no partners. */
    public UciModel(ModelKind kind) {
        this(kind, false, List.of());
    }

    /** The plain Laplace kernel machine (no feature learning). */
    public static UciModel laplace() {
        return new UciModel(ModelKind.LAPLACE);
    }

    /**
     * A name as {@link #name()} writes it: members joined by {@code +}, each a name of the registry
     * ({@link ModelKind#parse}: an id or an alias) with an optional {@code -l1}.
     *
     * @throws IllegalArgumentException for blank text or an empty member, an unknown member, an ℓ1 or ensemble tree
     *                                  model, or a repeated member
     */
    public static UciModel parse(String text) {
        String[] parts = (text == null ? "" : text).split("\\+", -1);
        List<UciModel> members = new java.util.ArrayList<>();
        for (String part : parts) {
            String p = part.strip();
            boolean l1 = p.toLowerCase(java.util.Locale.ROOT).endsWith(L1_SUFFIX);
            if (p.isEmpty() || p.length() == L1_SUFFIX.length() && l1) {
                throw new IllegalArgumentException("uci model '" + text + "': an empty model name");
            }
            try {
                members.add(new UciModel(ModelKind.parse(l1 ? p.substring(0, p.length() - L1_SUFFIX.length()) : p), l1,
                        List.of()));
            } catch (IllegalArgumentException e) {
                throw l1 ? new IllegalArgumentException("unknown model '" + p + "': " + e.getMessage()) : e;
            }
        }
        return new UciModel(members.get(0).kind(), members.get(0).l1(), members.subList(1, members.size()));
    }

    /** The name in results.csv and the summaries (see this record's comment). */
    public String name() {
        StringBuilder sb = new StringBuilder(kind.id()).append(l1 ? L1_SUFFIX : "");
        partners.forEach(p -> sb.append('+').append(p.name()));
        return sb.toString();
    }

    /** This model without its partners: the first member of an ensemble. */
    UciModel alone() {
        return partners.isEmpty() ? this : new UciModel(kind, l1, List.of());
    }

    /** T: iterations 0..T are candidates. */
    public int iterations() {
        return kind.learnsFeatures() ? UciProtocol.RFM_ITERATIONS : 0;
    }

    public FeatureUpdate update() {
        return kind.update();
    }

    /** This model's kernel at bandwidth L: Laplace, or product-Laplace with {@code l1}. */
    public Kernel kernel(double bandwidth) {
        return l1 ? new ProductLaplace(bandwidth) : new Laplace(bandwidth);
    }

    /** The RFM configuration for ridge λ and M scaling. */
    public RfmConfig config(double ridge, MetricScaling scaling) {
        return RfmConfig.defaults().withKernel(kernel(UciProtocol.BANDWIDTH)).withUpdate(update()).withIterations(iterations())
                .withRidge(ridge).withScaling(scaling);
    }
}
