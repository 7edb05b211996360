package org.featurelab.spark;

/** Bad input found on an executor reaches the caller as itself, not as a wrapped stage failure. */
final class Errors {
    private Errors() {
    }

    /**
     * The first {@link IllegalArgumentException} in {@code e}'s cause chain (a Spark job failure wraps the executor's
     * exception), or {@code e} itself.
     */
    static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException iae) {
                return iae;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e;
    }
}
