package org.featurelab.table;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordWrapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FastCSV's record callback for {@link CsvReader}'s unquoted path: a record's fields are kept as character ranges of
 * one reused array, field k being {@code chars()[start(k), end(k))}, instead of a {@code String} each; the reader hands
 * this object on as the record, valid until it reads the next one, and {@link Table.Builder} copies the fields into its
 * columns. Not thread-safe; one per read.
 */
final class FieldRanges extends AbstractBaseCsvCallbackHandler<FieldRanges> {
    private char[] chars = new char[1024];
    private int[] ends = new int[64];
    private int count;
    private int used;

    @Override
    protected void handleBegin(long startingLineNumber) {
        count = 0;
        used = 0;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
        if (used + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(used + len, 2 * chars.length));
        }
        System.arraycopy(buf, offset, chars, used, len);
        used += len;
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, 2 * count);
        }
        ends[count++] = used;
    }

    @Override
    protected RecordWrapper<FieldRanges> buildRecord() {
        return wrapRecord(this);
    }

    /** Fields of the current record. */
    int count() {
        return count;
    }

    int start(int k) {
        return k == 0 ? 0 : ends[k - 1];
    }

    int end(int k) {
        return ends[k];
    }

    char[] chars() {
        return chars;
    }

    /** The 1-based line the current record starts on. */
    long line() {
        return getStartingLineNumber();
    }

    /** True for a line of blanks only: one field, all of it whitespace. */
    boolean isBlankLine() {
        if (count != 1) {
            return false;
        }
        for (int k = 0; k < ends[0]; k++) {
            if (!Character.isWhitespace(chars[k])) {
                return false;
            }
        }
        return true;
    }

    /** The current record's fields as strings (for the header). */
    List<String> strings() {
        List<String> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            out.add(new String(chars, start(k), end(k) - start(k)));
        }
        return out;
    }
}
