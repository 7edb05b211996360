package org.featurelab.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mapping from exceptions to one line and an exit code. */
class ErrorsTest {
    private record Handled(int code, String err) {
    }

    private static Handled handle(Throwable t, boolean debug) {
        StringWriter s = new StringWriter();
        int code = new Errors(new PrintWriter(s), debug).handle(t);
        return new Handled(code, s.toString());
    }

    private static void assertOneLine(Handled h, int code, String expected) {
        assertEquals(code, h.code());
        assertEquals(1, h.err().lines().count(), h.err());
        assertEquals("featurelab: " + expected, h.err().strip());
    }

    @Test
    void badInputExitsTwo() {
        assertOneLine(handle(new IllegalArgumentException("bad.csv line 3: text\nspread over lines"), false), 2,
                "bad.csv line 3: text spread over lines");
        assertOneLine(handle(new ArithmeticException("Cholesky failed at pivot 4"), false), 2,
                "numerical failure: Cholesky failed at pivot 4");
        assertOneLine(handle(new UncheckedIOException("cannot write m.flm: disk full", new IOException("disk full")), false), 2,
                "cannot write m.flm: disk full");
        assertOneLine(handle(new UncheckedIOException(new NoSuchFileException("/x/y.csv")), false), 2,
                "/x/y.csv: no such file or directory");
        assertOneLine(handle(new AccessDeniedException("/root/m.flm"), false), 2, "/root/m.flm: permission denied");
    }

    @Test
    void unexpectedExitsOneWithoutATraceUnlessDebugging() {
        Handled quiet = handle(new IllegalStateException("invariant broken"), false);
        assertEquals(1, quiet.code());
        assertEquals(1, quiet.err().lines().count(), quiet.err());
        assertTrue(quiet.err().contains("invariant broken") && quiet.err().contains("--debug"), quiet.err());
        Handled debug = handle(new IllegalStateException("invariant broken"), true);
        assertEquals(1, debug.code());
        assertTrue(debug.err().lines().count() > 1 && debug.err().contains("\tat "), debug.err());
        assertFalse(handle(new OutOfMemoryError(), false).err().contains("\tat "));
    }
}
