package org.featurelab.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link KernelKind}: each kind makes its kernel, named as in model files, and {@link Kernel#parse} agrees. */
class KernelKindTest {
    @Test
    void eachKindMakesTheKernelOfItsName() {
        assertEquals(new Laplace(2.5), KernelKind.LAPLACE.withBandwidth(2.5));
        assertEquals(new Gaussian(2.5), KernelKind.GAUSSIAN.withBandwidth(2.5));
        assertEquals(new ProductLaplace(2.5), KernelKind.PRODUCT_LAPLACE.withBandwidth(2.5));
        for (KernelKind kind : KernelKind.values()) {
            Kernel k = kind.withBandwidth(7.0);
            assertEquals(kind.id(), k.name());
            assertEquals(7.0, k.bandwidth());
            assertEquals(kind, KernelKind.parse(kind.id()));
            assertEquals(k, Kernel.parse(kind.id(), 7.0));
        }
        assertEquals(KernelKind.PRODUCT_LAPLACE, KernelKind.parse(" Product-Laplace "));
        assertEquals(new ProductLaplace(3.0), Kernel.parse("l1", 3.0));
    }

    @Test
    void unknownNamesAndBadBandwidthsAreRejected() {
        assertEquals("unknown kernel 'rbf': expected laplace, gaussian or product-laplace",
                assertThrows(IllegalArgumentException.class, () -> KernelKind.parse("rbf")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelKind.parse("l1"), "the alias is for Kernel.parse only");
        assertThrows(IllegalArgumentException.class, () -> KernelKind.GAUSSIAN.withBandwidth(0));
    }
}
