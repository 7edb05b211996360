package org.featurelab.linalg;

/** A Cholesky factorisation met a leading minor that is not positive; carries that minor's order. */
public final class NotPositiveDefiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final int order;

    public NotPositiveDefiniteException(int order, int n) {
        super("cholesky: leading minor of order " + order + " of a " + n + "x" + n + " matrix is not positive");
        this.order = order;
    }

    /** The 1-based order of the first leading minor that is not positive. */
    public int order() {
        return order;
    }
}
