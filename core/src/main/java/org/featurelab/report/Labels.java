package org.featurelab.report;

import java.util.ArrayList;
import java.util.List;

/** Display forms of names and numbers shared by the plots. */
final class Labels {
    /** Longest name drawn in full; longer names are cut with an ellipsis. */
    static final int MAX_CHARS = 28;

    private Labels() {
    }

    /** {@code name} cut to {@link #MAX_CHARS} characters with a trailing ellipsis; null becomes "". */
    static String shorten(String name) {
        String s = name == null ? "" : name;
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS - 1) + "…";
    }

    /** {@link #shorten} applied to every name. */
    static List<String> shorten(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String s : names) {
            out.add(shorten(s));
        }
        return out;
    }
}
