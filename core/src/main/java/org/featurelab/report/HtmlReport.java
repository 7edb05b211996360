package org.featurelab.report;

import org.featurelab.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builder of one self-contained HTML page: a title, then paragraphs, headings, tables, PNG images (embedded as
 * base64 {@code data:} URIs) and preformatted text, in the order added. All text is HTML-escaped, so names and
 * messages from data files cannot inject markup. Not thread-safe.
 *
 * <pre>{@code
 * new HtmlReport().title("RFM on iris")
 *         .paragraph("Test accuracy 0.967")
 *         .image("Feature matrix M", HeatMap.pngBytes(m, names, names, "M"))
 *         .writeTo(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2em auto;\
            padding:0 1em;color:#212121;line-height:1.45}
            h1{font-size:1.6em;border-bottom:1px solid #ddd;padding-bottom:.3em}h2{font-size:1.25em;margin-top:1.6em}
            table{border-collapse:collapse;margin:1em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:.3em .7em;text-align:left}th{background:#f3f3f3}
            tr:nth-child(even) td{background:#fafafa}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:1.2em 0}img{max-width:100%;height:auto}figcaption{color:#555;font-size:.9em}
            pre{background:#f6f8fa;border:1px solid #e1e4e8;padding:.8em;overflow-x:auto;font-size:.88em}
            """;

    private String title = "Report";
    private final List<String> blocks = new ArrayList<>();

    /** Sets the page title (the {@code <title>} and the top {@code <h1>}). */
    public HtmlReport title(String text) {
        this.title = text == null ? "" : text;
        return this;
    }

    /** Adds a section heading ({@code <h2>}). */
    public HtmlReport heading(String text) {
        blocks.add("<h2>" + escape(text) + "</h2>");
        return this;
    }

    /** Adds a paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        blocks.add("<p>" + escape(text) + "</p>");
        return this;
    }

    /**
     * Adds a table; every row must have as many cells as the header. Cells that parse as numbers are
     * right-aligned.
     */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        for (String h : header) {
            sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("html table: row " + r + " has " + row.size() + " cells, header has "
                        + header.size());
            }
            sb.append("<tr>");
            for (String cell : row) {
                sb.append(isNumber(cell) ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        blocks.add(sb.append("</tbody>\n</table>").toString());
        return this;
    }

    /**
     * Adds a PNG image with a caption, embedded as a {@code data:image/png;base64} URI.
     *
     * @throws IllegalArgumentException if {@code png} does not start with the PNG signature
     */
    public HtmlReport image(String caption, byte[] png) {
        if (!Png.isPng(png)) {
            throw new IllegalArgumentException("html image '" + caption + "': bytes are not a PNG");
        }
        String alt = escape(caption);
        blocks.add("<figure><img alt=\"" + alt + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"><figcaption>" + alt + "</figcaption></figure>");
        return this;
    }

    /** Adds a paragraph holding one link; {@code href} is a relative path or URL, escaped like the text. */
    public HtmlReport link(String text, String href) {
        blocks.add("<p><a href=\"" + escape(href) + "\">" + escape(text) + "</a></p>");
        return this;
    }

    /** Adds preformatted text (logs, configuration, a manifest) in a monospaced block. */
    public HtmlReport preformatted(String text) {
        blocks.add("<pre>" + escape(text) + "</pre>");
        return this;
    }

    /** The complete HTML5 document, with inline CSS and no external resources. */
    public String render() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (String b : blocks) {
            sb.append(b).append('\n');
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    /** Writes {@link #render()} as UTF-8 to {@code out} atomically (temp file in the same directory, then rename). */
    public void writeTo(Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        AtomicFiles.writeBytes(out, render().getBytes(StandardCharsets.UTF_8));
    }

    /** Escapes the five HTML-significant characters {@code & < > " '}; null becomes "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isNumber(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
