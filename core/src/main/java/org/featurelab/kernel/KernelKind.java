package org.featurelab.kernel;

import java.util.Locale;

/**
 * The closed set of {@link Kernel} variants without a bandwidth: what a configuration names when the bandwidth
 * is chosen separately (tuned over a grid). {@link #id()} equals {@link Kernel#name()} of the kernels it makes.
 */
public enum KernelKind {
    /** {@link Laplace}. */
    LAPLACE("laplace"),
    /** {@link Gaussian}. */
    GAUSSIAN("gaussian"),
    /** {@link ProductLaplace}. */
    PRODUCT_LAPLACE("product-laplace");

    private final String id;

    KernelKind(String id) {
        this.id = id;
    }

    /** The stable name used in model files and on the command line: laplace, gaussian or product-laplace. */
    public String id() {
        return id;
    }

    /** The kernel of this kind with bandwidth L &gt; 0. */
    public Kernel withBandwidth(double bandwidth) {
        return switch (this) {
            case LAPLACE -> new Laplace(bandwidth);
            case GAUSSIAN -> new Gaussian(bandwidth);
            case PRODUCT_LAPLACE -> new ProductLaplace(bandwidth);
        };
    }

    /**
     * The kind named {@code name} (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException "unknown kernel 'x': expected laplace, gaussian or product-laplace"
     */
    public static KernelKind parse(String name) {
        String k = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (KernelKind kind : values()) {
            if (kind.id.equals(k)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + name + "': expected laplace, gaussian or product-laplace");
    }
}
