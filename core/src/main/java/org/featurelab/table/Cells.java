package org.featurelab.table;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one raw cell string is read: whether it is missing, and its number if it is one.
 *
 * <p>A cell is <b>missing</b> when, after trimming, it is empty or one of {@link #MISSING_TOKENS}
 * (compared case-insensitively): {@code NA}, {@code N/A}, {@code ?}, {@code NaN}, {@code null}.
 *
 * <p>A cell is a <b>number</b> when it is a plain decimal literal: optional sign, digits with an optional
 * decimal point, optional exponent ({@code 12}, {@code -0.5}, {@code .5}, {@code 1e-3}). Java-only forms
 * that {@link Double#parseDouble} would also accept ({@code 1d}, {@code 0x1p3}) are text. The tokens
 * {@code inf}, {@code infinity} (any case, optional sign) are numbers that are not finite; the callers
 * reject them with a message rather than calling them text.
 */
public final class Cells {
    /** The missing-value tokens besides the empty string, matched case-insensitively. */
    public static final List<String> MISSING_TOKENS = List.of("NA", "N/A", "?", "NaN", "null");

    private static final Set<String> MISSING_LOWER = Set.of("", "na", "n/a", "?", "nan", "null");
    /** The longest missing-value token ("null"): longer cells are never missing. */
    private static final int LONGEST_MISSING = 4;
    private static final Pattern INFINITE = Pattern.compile("[+-]?(?i:inf|infinity)");

    private Cells() {
    }

    /** True when the cell is empty or a missing-value token (case-insensitive, surrounding blanks ignored). */
    public static boolean isMissing(String cell) {
        if (cell == null) {
            return true;
        }
        String s = cell.strip();
        return s.length() <= LONGEST_MISSING && MISSING_LOWER.contains(s.toLowerCase(Locale.ROOT));
    }

    /**
     * The number a cell holds: a finite double for a decimal literal, ±infinity for an infinity token,
     * and {@code NaN} for missing cells and text (use {@link #isMissing} to tell those two apart).
     */
    public static double parse(String cell) {
        if (cell == null) {
            return Double.NaN;
        }
        String s = cell.strip();
        if (isDecimal(s)) {
            // the same double as Double.parseDouble (a faster parser); + 0.0 turns -0.0 into 0.0
            return ch.randelshofer.fastdoubleparser.JavaDoubleParser.parseDouble(s) + 0.0;
        }
        if (INFINITE.matcher(s).matches()) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    /**
     * Whether {@code s} is a plain decimal literal, the regular language [+-]?(D+\\.?D*|\\.D+)([eE][+-]?D+)? with D the
     * ASCII digits — scanned by hand: a regular-expression match per cell was the largest cost of reading a numeric CSV.
     */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True when the cell is a number ({@link #parse} is not NaN), finite or not. */
    public static boolean isNumber(String cell) {
        return !Double.isNaN(parse(cell));
    }
}
