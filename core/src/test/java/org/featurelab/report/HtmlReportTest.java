package org.featurelab.report;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link HtmlReport}: escaping, embedded images, tables, atomic writing. */
class HtmlReportTest {
    private static final String ATTACK = "<script>alert('x & y')</script>";

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static byte[] smallPng() {
        return HeatMap.pngBytes(Matrix.identity(2), List.of("a", "b"), List.of("a", "b"), "I");
    }

    @Test
    void escapesTextEverywhere() {
        String html = new HtmlReport().title(ATTACK).paragraph(ATTACK).heading(ATTACK).preformatted(ATTACK)
                .table(List.of(ATTACK), List.of(List.of(ATTACK))).image(ATTACK, smallPng()).render();
        assertFalse(html.contains("<script"), "no raw script tag");
        assertFalse(html.contains("alert('"), "quotes escaped");
        String escaped = "&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;";
        // title, h1, paragraph, h2, pre, th, td, alt, figcaption
        assertEquals(9, count(html, escaped));
        assertEquals(escaped, HtmlReport.escape(ATTACK));
        assertEquals("&quot;", HtmlReport.escape("\""));
    }

    @Test
    void linksAreEscapedAndRelative() {
        String html = new HtmlReport().link(ATTACK, "grokking/index.html?a=\"b\"").render();
        assertTrue(html.contains("<a href=\"grokking/index.html?a=&quot;b&quot;\">"), html);
        assertEquals(1, count(html, "&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;</a>"));
    }

    @Test
    void embedsImageAsBase64DataUri() {
        byte[] png = smallPng();
        String html = new HtmlReport().title("t").image("M heat map", png).render();
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(m.find(), "data URI present");
        assertArrayEquals(png, Base64.getDecoder().decode(m.group(1)), "round trip of the embedded bytes");
        assertTrue(html.contains("<figcaption>M heat map</figcaption>"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport().image("not png", new byte[]{1, 2, 3}));
    }

    @Test
    void tableHasOneRowPerEntryPlusHeader() {
        List<List<String>> rows = List.of(List.of("rfm", "0.967"), List.of("laplace", "0.933"), List.of("nn", "0.95"));
        String html = new HtmlReport().table(List.of("model", "accuracy"), rows).render();
        assertEquals(rows.size() + 1, count(html, "<tr>"));
        assertEquals(2, count(html, "<th>"));
        assertEquals(3, count(html, "<td class=\"num\">"), "numbers right-aligned");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HtmlReport().table(List.of("a", "b"), List.of(List.of("1"))));
        assertTrue(e.getMessage().contains("row 0 has 1 cells"), e.getMessage());
    }

    @Test
    void rendersSelfContainedDocumentInOrder() {
        String html = new HtmlReport().title("Run 7").paragraph("first").preformatted("second").render();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<meta charset=\"utf-8\">") && html.contains("<style>"));
        assertTrue(html.indexOf("first") < html.indexOf("second"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resources");
    }

    @Test
    void writeToWritesUtf8AtomicallyWithoutTempFiles(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sub").resolve("report.html");
        HtmlReport report = new HtmlReport().title("Größe ≤ 1").paragraph("β = 0.5");
        report.writeTo(out);
        report.paragraph("second version").writeTo(out); // replaces the existing file
        assertEquals(report.render(), Files.readString(out, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void failedWriteLeavesNoTempFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectories(target.resolve("child")); // a non-empty directory cannot be replaced by a file
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport().title("t").writeTo(target)); // io.AtomicFiles: a directory target is bad input
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
