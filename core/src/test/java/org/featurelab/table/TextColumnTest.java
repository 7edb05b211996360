package org.featurelab.table;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The compact column gives back every cell it was given, selects rows, and digests cells as the strings would. */
class TextColumnTest {
    private static List<String> cells(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String[] pool = {"", "1.5", "-0.25e3", "yes", "Zürich", "東京", "a,b", "\"q\"", "NA", "x".repeat(300)};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(rng.nextInt(4) == 0 ? Double.toString(rng.nextGaussian()) : pool[rng.nextInt(pool.length)]);
        }
        return out;
    }

    @Test
    void cellsComeBackAsGivenAndSelectedRowsInTheirOrder() {
        List<String> in = cells(5000, 1);
        TextColumn.Builder b = new TextColumn.Builder(3); // grows from a small guess
        in.forEach(b::add);
        TextColumn c = b.build();
        assertEquals(in.size(), c.size());
        for (int i = 0; i < in.size(); i++) {
            assertEquals(in.get(i), c.get(i), "cell " + i);
        }
        int[] rows = {4999, 0, 7, 7, 123};
        TextColumn s = c.select(rows);
        for (int k = 0; k < rows.length; k++) {
            assertEquals(in.get(rows[k]), s.get(k));
        }
    }

    @Test
    void charactersAreStoredAsTheirString() {
        List<String> in = cells(2000, 4);
        TextColumn.Builder fromStrings = new TextColumn.Builder(8);
        TextColumn.Builder fromChars = new TextColumn.Builder(8);
        for (String cell : in) {
            fromStrings.add(cell);
            char[] padded = ("<" + cell + ">").toCharArray();
            fromChars.add(padded, 1, padded.length - 1);
        }
        TextColumn a = fromStrings.build();
        TextColumn b = fromChars.build();
        for (int i = 0; i < in.size(); i++) {
            assertEquals(a.get(i), b.get(i), "cell " + i);
        }
    }

    @Test
    void numbersAndMissingCellsAreReadFromTheBytesAsFromTheStrings() {
        List<String> in = cells(5000, 3);
        TextColumn.Builder b = new TextColumn.Builder(5000);
        in.forEach(b::add);
        TextColumn c = b.build();
        for (int i = 0; i < in.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(Cells.parse(in.get(i))), Double.doubleToRawLongBits(c.number(i)),
                    "cell " + i);
            assertEquals(Cells.isMissing(in.get(i)), c.isMissing(i), "cell " + i);
        }
    }

    @Test
    void theDigestIsTheUtf8LengthThenTheBytesOfEachCell() throws Exception {
        List<String> in = cells(300, 2);
        TextColumn.Builder b = new TextColumn.Builder(300);
        in.forEach(b::add);
        TextColumn c = b.build();
        MessageDigest fromColumn = MessageDigest.getInstance("SHA-256");
        MessageDigest fromStrings = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64];   // smaller than the 300-byte cells: they bypass it, the others fill it many times
        int used = 0;
        for (int i = 0; i < in.size(); i++) {
            used = c.digest(fromColumn, i, buffer, used);
            byte[] bytes = in.get(i).getBytes(StandardCharsets.UTF_8);
            int n = bytes.length;
            fromStrings.update(new byte[]{(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            fromStrings.update(bytes);
        }
        fromColumn.update(buffer, 0, used);
        assertArrayEquals(fromStrings.digest(), fromColumn.digest());
    }
}
