package org.featurelab.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One column of cells stored compactly: the UTF-8 bytes of all its cells back to back and one offset per cell
 * (cell i is bytes[offsets[i] .. offsets[i + 1])), about (length + 4) bytes a cell instead of a {@code String}
 * object each (≈ 50 bytes for a short cell). Cells come back as new strings on each {@link #get}. Immutable.
 */
final class TextColumn {
    private final byte[] bytes;
    private final int[] offsets;

    private TextColumn(byte[] bytes, int[] offsets) {
        this.bytes = bytes;
        this.offsets = offsets;
    }

    int size() {
        return offsets.length - 1;
    }

    /** Cell {@code i}. */
    String get(int i) {
        int from = offsets[i];
        int length = offsets[i + 1] - from;
        return length == 0 ? "" : new String(bytes, from, length, StandardCharsets.UTF_8);
    }

    /** {@link Cells#parse(String)} of cell {@code i}, read from its bytes (no string is made). */
    double number(int i) {
        return Cells.parse(bytes, offsets[i], offsets[i + 1] - offsets[i]);
    }

    /** {@link Cells#isMissing(String)} of cell {@code i}, read from its bytes. */
    boolean isMissing(int i) {
        return Cells.isMissing(bytes, offsets[i], offsets[i + 1] - offsets[i]);
    }

    /** The cells {@code rows} (repeats allowed), in that order. */
    TextColumn select(int[] rows) {
        Builder b = new Builder(rows.length);
        for (int i : rows) {
            b.addBytes(bytes, offsets[i], offsets[i + 1] - offsets[i]);
        }
        return b.build();
    }

    /**
     * Feeds cell {@code i} to {@code sha} as its UTF-8 length (4 bytes, big-endian) then its bytes, through
     * {@code buffer}: the bytes go to {@code buffer[used..]} and the buffer to {@code sha} whenever it fills (one
     * digest update a buffer instead of two a cell; the digest does not depend on how its input is split). Returns the
     * buffer's new fill; the caller feeds {@code buffer[0, fill)} to {@code sha} at the end.
     */
    int digest(MessageDigest sha, int i, byte[] buffer, int used) {
        int from = offsets[i];
        int length = offsets[i + 1] - from;
        if (used + 4 + length > buffer.length) {
            sha.update(buffer, 0, used);
            used = 0;
        }
        buffer[used] = (byte) (length >>> 24);
        buffer[used + 1] = (byte) (length >>> 16);
        buffer[used + 2] = (byte) (length >>> 8);
        buffer[used + 3] = (byte) length;
        used += 4;
        if (length > buffer.length - used) {   // a cell longer than the buffer goes straight to the digest
            sha.update(buffer, 0, used);
            sha.update(bytes, from, length);
            return 0;
        }
        System.arraycopy(bytes, from, buffer, used, length);
        return used + length;
    }

    /** Appends cells one at a time. */
    static final class Builder {
        private byte[] bytes;
        private int[] offsets;
        private int count;
        private int used;

        /** A builder whose first arrays hold {@code expectedCells} offsets and {@code expectedBytes} bytes; both grow. */
        Builder(int expectedCells, int expectedBytes) {
            bytes = new byte[Math.max(16, expectedBytes)];
            offsets = new int[Math.max(2, expectedCells + 1)];
        }

        /** A builder for about {@code expectedCells} cells of a few bytes each. */
        Builder(int expectedCells) {
            this(expectedCells, 8 * expectedCells);
        }

        /** Appends {@code cell}; ASCII is copied byte for byte, anything else encoded as UTF-8. */
        void add(String cell) {
            int n = cell.length();
            boolean ascii = true;
            for (int k = 0; k < n && ascii; k++) {
                ascii = cell.charAt(k) < 0x80;
            }
            if (ascii) {
                ensure(n);
                for (int k = 0; k < n; k++) {
                    bytes[used + k] = (byte) cell.charAt(k);
                }
                used += n;
                next();
            } else {
                byte[] utf8 = cell.getBytes(StandardCharsets.UTF_8);
                addBytes(utf8, 0, utf8.length);
            }
        }

        /** {@link #add(String)} of the characters {@code c[from, to)}. */
        void add(char[] c, int from, int to) {
            int n = to - from;
            boolean ascii = true;
            for (int k = from; k < to && ascii; k++) {
                ascii = c[k] < 0x80;
            }
            if (!ascii) {
                byte[] utf8 = new String(c, from, n).getBytes(StandardCharsets.UTF_8);
                addBytes(utf8, 0, utf8.length);
                return;
            }
            ensure(n);
            for (int k = 0; k < n; k++) {
                bytes[used + k] = (byte) c[from + k];
            }
            used += n;
            next();
        }

        void addBytes(byte[] source, int from, int length) {
            ensure(length);
            System.arraycopy(source, from, bytes, used, length);
            used += length;
            next();
        }

        private void next() {
            if (count + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, 2 * offsets.length);
            }
            offsets[++count] = used;
        }

        private void ensure(int more) {
            long need = (long) used + more;
            if (need > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a column holds more than 2 GB of text");
            }
            if (need > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * bytes.length)));
            }
        }

        TextColumn build() {
            return new TextColumn(Arrays.copyOf(bytes, used), Arrays.copyOf(offsets, count + 1));
        }
    }
}
