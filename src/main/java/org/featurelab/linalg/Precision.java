package org.featurelab.linalg;

import java.util.Locale;

/**
 * Arithmetic precision of the large dense steps of a kernel machine.
 * <ul>
 *   <li>{@link #DOUBLE}: float64 everywhere.</li>
 *   <li>{@link #MIXED}: for problems with at least {@link #MIXED_MIN_SIZE} rows, the kernel system is factored in
 *   float32 and refined to float64 backward error (LAPACK dsposv), and the gradient GEMM of the feature update
 *   runs in float32 (relative error of the resulting AGOP ≈ 10⁻⁷, see docs/design.md). Predictions, α and M
 *   are stored in float64; smaller problems use float64 throughout.</li>
 * </ul>
 */
public enum Precision {
    DOUBLE, MIXED;

    /** Problems with fewer rows than this always run in float64. */
    public static final int MIXED_MIN_SIZE = 1500;

    /** Whether a problem with {@code n} rows uses float32 steps under this precision. */
    public boolean mixedFor(int n) {
        return this == MIXED && n >= MIXED_MIN_SIZE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Precision parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "double" -> DOUBLE;
            case "mixed" -> MIXED;
            default -> throw new IllegalArgumentException("unknown precision '" + s + "': expected double or mixed");
        };
    }
}
