package org.featurelab.spark;

/**
 * Bad input found by featurelab's code — on the driver or on an executor, where Spark wraps it in a (checked)
 * {@code SparkException} — reaches the caller as the {@link IllegalArgumentException} itself.
 */
final class Errors {
    private Errors() {
    }

    /**
     * The first {@link IllegalArgumentException} thrown by featurelab's code in {@code e}'s cause chain, thrown
     * unchecked; otherwise {@code e} itself, rethrown as it is (a checked Spark exception included).
     */
    static RuntimeException rethrow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException iae && thrownByFeaturelab(iae)) {
                throw iae;
            }
        }
        throw Errors.<RuntimeException>sneaky(e);
    }

    private static boolean thrownByFeaturelab(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.featurelab.");
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
