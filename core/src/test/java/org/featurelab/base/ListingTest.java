package org.featurelab.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListingTest {
    @Test
    void showsEveryNameUpToTheLimit() {
        assertEquals("a, b, c", Listing.shorten(List.of("a", "b", "c"), 3, ", "));
        assertEquals("", Listing.shorten(List.of(), 3, ", "));
    }

    @Test
    void countsTheNamesBeyondTheLimit() {
        assertEquals("a; b, ... 2 more", Listing.shorten(List.of("a", "b", "c", "d"), 2, "; "));
    }

    @Test
    void rejectsAnEmptyLimit() {
        assertThrows(IllegalArgumentException.class, () -> Listing.shorten(List.of("a"), 0, ", "));
    }
}
