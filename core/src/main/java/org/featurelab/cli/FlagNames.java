package org.featurelab.cli;

import org.featurelab.base.Progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * For one command, the flag that sets each configuration field: library code names the fields in its messages
 * ("learningRate must be positive and finite, got -1"), and the command builds its configuration through
 * {@link #apply} so that the user reads the flag ("--lr must be positive and finite, got -1").
 *
 * <p>A field name is replaced only where it stands as a word of its own: preceded by the start of the message, a
 * space, '(' or ',' and followed by its end, a space, ':', ',', ';' or ')'. So names inside paths
 * ({@code run/init/x.flm}), quoted values ({@code 'init'}), {@code key=value} pairs and longer words
 * ({@code widths} in {@code widths2}) are left alone. Messages that name no field pass through unchanged.
 */
final class FlagNames {
    private final Map<String, String> flags;

    private FlagNames(Map<String, String> flags) {
        this.flags = Map.copyOf(flags);
    }

    /** Pairs field, flag, field, flag, ... */
    static FlagNames of(String... fieldsAndFlags) {
        if (fieldsAndFlags.length % 2 != 0) {
            throw new IllegalArgumentException("flag names: pairs of field and flag expected, got " + fieldsAndFlags.length
                    + " strings");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndFlags.length; i += 2) {
            if (m.put(fieldsAndFlags[i], fieldsAndFlags[i + 1]) != null) {
                throw new IllegalArgumentException("flag names: field '" + fieldsAndFlags[i] + "' given twice");
            }
        }
        return new FlagNames(m);
    }

    /** {@code message} with every field name standing as a word replaced by its flag. */
    String rewrite(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(message.length() + 16);
        int i = 0;
        while (i < message.length()) {
            int end = wordEnd(message, i);
            if (end > i && startsWord(message, i) && endsWord(message, end)) {
                String flag = flags.get(message.substring(i, end));
                if (flag != null) {
                    out.append(flag);
                    i = end;
                    continue;
                }
            }
            if (end > i) {
                out.append(message, i, end);
                i = end;
            } else {
                out.append(message.charAt(i++));
            }
        }
        return out.toString();
    }

    /**
     * Runs {@code build}; an {@link IllegalArgumentException} it throws comes out with its message
     * {@link #rewrite rewritten} (the original as the cause), or unchanged when the message names no field.
     */
    <T> T apply(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String rewritten = rewrite(e.getMessage());
            if (rewritten == null || rewritten.equals(e.getMessage())) {
                throw e;
            }
            throw new IllegalArgumentException(rewritten, e);
        }
    }

    /** As {@link #apply}, for a check that returns nothing. */
    void check(Runnable check) {
        apply(() -> {
            check.run();
            return null;
        });
    }

    /** {@code progress} with every message {@link #rewrite rewritten}. */
    Progress progress(Progress progress) {
        return line -> progress.message(rewrite(line));
    }

    /** End of the identifier-like word (letters, digits, '_') starting at {@code i}; {@code i} when there is none. */
    private static int wordEnd(String s, int i) {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j;
    }

    private static boolean startsWord(String s, int i) {
        return i == 0 || " (,".indexOf(s.charAt(i - 1)) >= 0;
    }

    private static boolean endsWord(String s, int end) {
        return end == s.length() || " :,;)".indexOf(s.charAt(end)) >= 0;
    }
}
