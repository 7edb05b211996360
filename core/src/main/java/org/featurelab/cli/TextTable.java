package org.featurelab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table with aligned columns: text left-aligned, numbers right-aligned. Rendered as lines
 * separated by {@code \n}, the header underlined.
 */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalStateException("text table: row has " + cells.length + " cells, header " + header.size());
        }
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    List<List<String>> rows() {
        return rows;
    }

    List<String> header() {
        return header;
    }

    String render() {
        int m = header.size();
        int[] width = new int[m];
        boolean[] numeric = new boolean[m];
        for (int j = 0; j < m; j++) {
            width[j] = header.get(j).length();
            numeric[j] = !rows.isEmpty();
            for (List<String> r : rows) {
                width[j] = Math.max(width[j], r.get(j).length());
                numeric[j] &= isNumber(r.get(j));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width, numeric);
        for (int j = 0; j < m; j++) {
            sb.append(j == 0 ? "" : "  ").append("-".repeat(width[j]));
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, width, numeric);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder l = new StringBuilder();
        for (int j = 0; j < cells.size(); j++) {
            String c = cells.get(j);
            String pad = " ".repeat(width[j] - c.length());
            l.append(j == 0 ? "" : "  ").append(numeric[j] ? pad + c : c + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static boolean isNumber(String s) {
        return s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?%?|-|NaN");
    }

    /** A number with {@code digits} decimals, "-" for NaN. */
    static String fixed(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A number in %g style with 4 significant digits, "-" for NaN. */
    static String general(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + (e < 0 ? "" : s.substring(e));
    }
}
