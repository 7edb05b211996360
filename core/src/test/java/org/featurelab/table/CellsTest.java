package org.featurelab.table;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Cells}: the hand-written decimal scanner accepts exactly the regular language of its documentation (checked
 * against the regular expression on fixed cases and 200,000 random strings over the relevant alphabet), and the
 * missing-value test is the documented token set, case-insensitive, blanks ignored.
 */
class CellsTest {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Test
    void theScannerIsTheRegularExpression() {
        for (String s : List.of("", "1", "-1", "+.5", ".", "-.", "1.", "1.e5", ".e5", "1e", "1e+", "1e+5", "1E-05", "e5",
                "--1", "1-", "0x1p3", "1d", "1.2.3", " 1", "١", "12345678901234567890", "+", "-")) {
            assertEquals(DECIMAL.matcher(s).matches(), Cells.isDecimal(s), "'" + s + "'");
        }
        String alphabet = "0123456789+-.eEx ";
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 200_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = rng.nextInt(7); k > 0; k--) {
                b.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(DECIMAL.matcher(s).matches(), Cells.isDecimal(s), "'" + s + "'");
        }
    }

    @Test
    void numbersAreTheDoublesOfTheJdkParser() {
        SplittableRandom rng = new SplittableRandom(11);
        List<String> fixed = List.of("0", "-0.0", "1e308", "1.7976931348623157e308", "4.9e-324", "2.4703282292062328e-324",
                "123456789012345678901234567890", ".000000000000000000001", "9007199254740993", "0.1", "-7.25E-3");
        for (String s : fixed) {
            assertEquals(Double.parseDouble(s) + 0.0, Cells.parse(s), 0.0, s);
        }
        for (int t = 0; t < 100_000; t++) {
            double v = switch (t % 3) {
                case 0 -> rng.nextGaussian();
                case 1 -> Double.longBitsToDouble(rng.nextLong() & 0x7fefffffffffffffL); // any finite positive double
                default -> rng.nextInt(1_000_000) / 1000.0;
            };
            String s = t % 2 == 0 ? Double.toString(v) : String.format(Locale.ROOT, "%.6f", v);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s) + 0.0), Double.doubleToRawLongBits(Cells.parse(s)), s);
        }
    }

    @Test
    void theByteFormsReadWhatTheStringFormsRead() {
        // the stripped cells a table stores, read from their UTF-8 bytes: the same number bits and the same missing test
        List<String> fixed = List.of("", "NA", "n/a", "?", "NaN", "nUlL", "null1", "inf", "-Infinity", "+INF", "infinit",
                "-inf1", "1e5", "-0", ".5", "1.", "Zürich", "ü", "1ü", "東京", "١٢", "0x1p3", "1d", "+", "e5", "12.5e-3");
        String alphabet = "0123456789+-.eEinfINFtyaNulL?/xü東 ";
        SplittableRandom rng = new SplittableRandom(17);
        List<String> cells = new java.util.ArrayList<>(fixed);
        for (int t = 0; t < 100_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = rng.nextInt(9); k > 0; k--) {
                b.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            cells.add(b.toString().strip());
        }
        Pattern infinity = Pattern.compile("[+-]?(?i:inf|infinity)");   // the documented language, as an oracle
        for (String cell : cells) {
            double expected = DECIMAL.matcher(cell).matches() ? Double.parseDouble(cell) + 0.0
                    : infinity.matcher(cell).matches() ? (cell.startsWith("-") ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY) : Double.NaN;
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(Cells.parse(cell)), "'" + cell + "'");
            byte[] utf8 = ("ab" + cell + "c").getBytes(java.nio.charset.StandardCharsets.UTF_8);   // at an offset
            int len = utf8.length - 3;
            assertEquals(Double.doubleToRawLongBits(Cells.parse(cell)), Double.doubleToRawLongBits(Cells.parse(utf8, 2, len)),
                    "'" + cell + "'");
            assertEquals(Cells.isMissing(cell), Cells.isMissing(utf8, 2, len), "'" + cell + "'");
        }
        assertEquals(Double.POSITIVE_INFINITY, Cells.parse("+INF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 4));
        assertEquals(Double.NEGATIVE_INFINITY, Cells.parse("-infinity".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 9));
    }

    @Test
    void parseAndMissing() {
        assertEquals(-0.25, Cells.parse(" -.25 "), 0.0);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Cells.parse("-0")), "-0 is read as +0");
        assertEquals(Double.NEGATIVE_INFINITY, Cells.parse("-Inf"), 0.0);
        assertTrue(Double.isNaN(Cells.parse("1d")));
        for (String token : List.of("", " ", "NA", "n/a", "?", "NaN", "NULL", " null ")) {
            assertTrue(Cells.isMissing(token), "'" + token + "'");
        }
        for (String cell : List.of("nulls", "NA1", "0", "none", "-")) {
            assertFalse(Cells.isMissing(cell), "'" + cell + "'");
        }
        assertTrue(Cells.isMissing(null));
        assertEquals(Cells.MISSING_TOKENS.size(), Cells.MISSING_TOKENS.stream().map(t -> t.toLowerCase(Locale.ROOT))
                .filter(Cells::isMissing).count());
    }
}
