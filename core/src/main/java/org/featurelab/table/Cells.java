package org.featurelab.table;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
     * {@link #isMissing(String)} of the cell whose UTF-8 bytes are {@code b[from, from + len)}, already stripped (as a
     * table stores its cells: the UTF-8 round trip of the cell, so a lone surrogate reads as '?'), without decoding it:
     * missing tokens are ASCII, so a cell of other bytes is not one.
     */
    static boolean isMissing(byte[] b, int from, int len) {
        if (len > LONGEST_MISSING) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (b[from + k] < 0) {   // a byte of a multi-byte UTF-8 character
                return false;
            }
        }
        return MISSING_LOWER.contains(new String(b, from, len, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT));
    }

    /**
     * The number a cell holds: a finite double for a decimal literal, ±infinity for an infinity token,
     * and {@code NaN} for missing cells and text (use {@link #isMissing} to tell those two apart).
     */
    public static double parse(String cell) {
        if (cell == null) {
            return Double.NaN;
        }
        byte[] ascii = asciiBytes(cell.strip());
        return ascii == null ? Double.NaN : parse(ascii, 0, ascii.length);   // numbers and infinity tokens are ASCII
    }

    /**
     * {@link #parse(String)} of the cell whose UTF-8 bytes are {@code b[from, from + len)}, already stripped, without
     * decoding it: the decimal scan and the parser read the bytes (a byte ≥ 0x80 is never part of a number).
     */
    static double parse(byte[] b, int from, int len) {
        if (isDecimal(b, from, len)) {
            // the same double as Double.parseDouble (a faster parser); + 0.0 turns -0.0 into 0.0
            return ch.randelshofer.fastdoubleparser.JavaDoubleParser.parseDouble(b, from, len) + 0.0;
        }
        int sign = len > 0 && (b[from] == '+' || b[from] == '-') ? 1 : 0;
        String word = len - sign == 3 || len - sign == 8 ? new String(b, from + sign, len - sign, StandardCharsets.ISO_8859_1)
                : "";
        if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
            return b[from] == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    /**
     * Whether {@code s} is a plain decimal literal, the regular language [+-]?(D+\\.?D*|\\.D+)([eE][+-]?D+)? with D the
     * ASCII digits — scanned by hand: a regular-expression match per cell was the largest cost of reading a numeric CSV.
     */
    static boolean isDecimal(String s) {
        byte[] ascii = asciiBytes(s);
        return ascii != null && isDecimal(ascii, 0, ascii.length);
    }

    /** The bytes of an ASCII string, or null when it holds another character. */
    private static byte[] asciiBytes(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) >= 0x80) {
                return null;
            }
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@link #isDecimal(String)} of the bytes {@code b[from, from + len)} (a byte ≥ 0x80 is no ASCII character). */
    static boolean isDecimal(byte[] b, int from, int len) {
        int n = from + len;
        int i = from;
        if (i < n && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(b[i])) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && b[i] == '.') {
            i++;
            while (i < n && isDigit(b[i])) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < n && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(b[i])) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** True when the cell is a number ({@link #parse} is not NaN), finite or not. */
    public static boolean isNumber(String cell) {
        return !Double.isNaN(parse(cell));
    }
}
