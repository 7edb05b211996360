package org.featurelab.base;

import java.util.List;

/** Names in messages: at most a few shown, the rest counted, so that an error stays one readable line. */
public final class Listing {
    private Listing() {
    }

    /**
     * The first {@code shown} of {@code names} joined by {@code separator}, then {@code ", ... m more"} when
     * {@code m > 0} were left out; all of them when there are no more than {@code shown}.
     */
    public static String shorten(List<String> names, int shown, String separator) {
        if (shown < 1) {
            throw new IllegalArgumentException("shown must be at least 1, got " + shown);
        }
        if (names.size() <= shown) {
            return String.join(separator, names);
        }
        return String.join(separator, names.subList(0, shown)) + ", ... " + (names.size() - shown) + " more";
    }
}
