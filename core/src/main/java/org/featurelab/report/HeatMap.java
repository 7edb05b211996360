package org.featurelab.report;

import org.featurelab.io.AtomicFiles;

import org.featurelab.linalg.Matrix;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Heat map of a matrix (e.g. a d×d feature matrix M) drawn with Java2D: one square cell per entry, row names
 * on the left, column names below (rotated), a colour bar with five ticks on the right.
 *
 * <p>Colours: a diverging blue–white–red scale symmetric about 0 when the entries have both signs (white is 0),
 * the sequential viridis scale from min to max otherwise; NaN cells are grey. Cells shrink from 48 to 4 pixels
 * so that the plot stays about 720 pixels wide; names longer than 28 characters are
 * cut with an ellipsis, and an axis with more than 40 entries (or cells under 10 pixels) shows sparse
 * indices instead of names. Cost O(rows·cols) pixels filled.
 */
public final class HeatMap {
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Color TEXT = new Color(0x212121);
    private static final Color FRAME = new Color(0x616161);
    private static final int BAR_TICKS = 5;

    private HeatMap() {
    }

    /**
     * Writes the heat map of {@code m} as a PNG file (atomically: temp file + rename).
     *
     * @param rowLabels one name per row of {@code m}
     * @param colLabels one name per column of {@code m}
     * @param title     drawn above the map; null or blank for none
     */
    public static void writePng(Matrix m, List<String> rowLabels, List<String> colLabels, String title, Path out)
            throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        AtomicFiles.writeBytes(out, pngBytes(m, rowLabels, colLabels, title));
    }

    /** The heat map of {@code m} as PNG bytes (see {@link #writePng}). */
    public static byte[] pngBytes(Matrix m, List<String> rowLabels, List<String> colLabels, String title) {
        return Png.encode(render(m, rowLabels, colLabels, title));
    }

    /** Draws the heat map into a new RGB image of size {@link #layout}. */
    static BufferedImage render(Matrix m, List<String> rowLabels, List<String> colLabels, String title) {
        validate(m, rowLabels, colLabels);
        ColorScale scale = scaleOf(m);
        List<String> rows = Labels.shorten(rowLabels);
        List<String> cols = Labels.shorten(colLabels);
        List<String> ticks = barTicks(scale);
        HeatMapLayout lay = layout(m, rows, cols, title, ticks);

        BufferedImage image = new BufferedImage(lay.width(), lay.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, lay.width(), lay.height());
            drawCells(g, m, scale, lay);
            g.setFont(LABEL_FONT);
            g.setColor(TEXT);
            drawRowAxis(g, rows, lay);
            drawColumnAxis(g, cols, lay);
            drawColourBar(g, scale, ticks, lay);
            if (title != null && !title.isBlank()) {
                g.setFont(TITLE_FONT);
                FontMetrics fm = g.getFontMetrics();
                int x = Math.max(HeatMapLayout.PAD, (lay.width() - fm.stringWidth(title)) / 2);
                g.drawString(title, x, HeatMapLayout.PAD + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The pixel geometry {@link #render} uses for these inputs. */
    static HeatMapLayout layout(Matrix m, List<String> rowLabels, List<String> colLabels, String title) {
        validate(m, rowLabels, colLabels);
        return layout(m, Labels.shorten(rowLabels), Labels.shorten(colLabels), title, barTicks(scaleOf(m)));
    }

    /** The colour scale {@link #render} uses for {@code m} (range of its finite entries). */
    static ColorScale scaleOf(Matrix m) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : m.data()) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min <= max ? ColorScale.forRange(min, max) : ColorScale.forRange(0, 0);
    }

    private static HeatMapLayout layout(Matrix m, List<String> rows, List<String> cols, String title,
                                        List<String> ticks) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics label = g.getFontMetrics(LABEL_FONT);
            FontMetrics head = g.getFontMetrics(TITLE_FONT);
            boolean hasTitle = title != null && !title.isBlank();
            int barLabelWidth = 0;
            for (String t : ticks) {
                barLabelWidth = Math.max(barLabelWidth, label.stringWidth(t));
            }
            return HeatMapLayout.of(m.rows(), m.cols(), rows, cols, label::stringWidth, label.getHeight(),
                    hasTitle ? head.stringWidth(title) : 0, hasTitle ? head.getHeight() : 0, barLabelWidth);
        } finally {
            g.dispose();
        }
    }

    private static void drawCells(Graphics2D g, Matrix m, ColorScale scale, HeatMapLayout lay) {
        int c = lay.cell();
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                g.setColor(scale.colorOf(m.get(i, j)));
                g.fillRect(lay.left() + j * c, lay.top() + i * c, c, c);
            }
        }
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(lay.left() - 1, lay.top() - 1, m.cols() * c + 1, m.rows() * c + 1);
    }

    private static void drawRowAxis(Graphics2D g, List<String> names, HeatMapLayout lay) {
        FontMetrics fm = g.getFontMetrics();
        int c = lay.cell();
        int step = lay.rowLabels() ? 1 : lay.tickStep();
        for (int i = 0; i < lay.rows(); i += step) {
            String s = lay.rowLabels() ? names.get(i) : String.valueOf(i);
            int y = lay.top() + i * c + c / 2;
            if (!lay.rowLabels()) {
                g.drawLine(lay.left() - 4, y, lay.left() - 1, y);
            }
            g.drawString(s, lay.left() - HeatMapLayout.GAP - fm.stringWidth(s), y + (fm.getAscent() - fm.getDescent()) / 2);
        }
    }

    private static void drawColumnAxis(Graphics2D g, List<String> names, HeatMapLayout lay) {
        FontMetrics fm = g.getFontMetrics();
        int c = lay.cell();
        int below = lay.top() + lay.rows() * c + HeatMapLayout.GAP;
        if (!lay.colLabels()) {
            for (int j = 0; j < lay.cols(); j += lay.tickStep()) {
                String s = String.valueOf(j);
                int x = lay.left() + j * c + c / 2;
                g.drawLine(x, below - HeatMapLayout.GAP + 1, x, below - 2);
                g.drawString(s, x - fm.stringWidth(s) / 2, below + fm.getAscent());
            }
            return;
        }
        AffineTransform saved = g.getTransform();
        for (int j = 0; j < lay.cols(); j++) {
            String s = names.get(j);
            int x = lay.left() + j * c + c / 2 + (fm.getAscent() - fm.getDescent()) / 2;
            g.translate(x, below);
            g.rotate(-Math.PI / 2);           // text reads bottom to top and ends just below the plot
            g.drawString(s, -fm.stringWidth(s), 0);
            g.setTransform(saved);
        }
    }

    private static void drawColourBar(Graphics2D g, ColorScale scale, List<String> ticks, HeatMapLayout lay) {
        int h = lay.barHeight();
        for (int y = 0; y < h; y++) {
            g.setColor(scale.atFraction(h == 1 ? 0.5 : 1.0 - (double) y / (h - 1)));
            g.drawLine(lay.barX(), lay.top() + y, lay.barX() + HeatMapLayout.BAR_WIDTH - 1, lay.top() + y);
        }
        g.setColor(FRAME);
        g.drawRect(lay.barX() - 1, lay.top() - 1, HeatMapLayout.BAR_WIDTH + 1, h + 1);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(TEXT);
        for (int k = 0; k < ticks.size(); k++) {
            double f = ticks.size() == 1 ? 0.5 : (double) k / (ticks.size() - 1);
            int y = lay.top() + (int) Math.round((1.0 - f) * (h - 1));
            int x = lay.barX() + HeatMapLayout.BAR_WIDTH;
            g.drawLine(x, y, x + 3, y);
            g.drawString(ticks.get(k), x + HeatMapLayout.GAP, y + (fm.getAscent() - fm.getDescent()) / 2);
        }
    }

    /** Tick labels of the colour bar, bottom (low) to top (high). */
    private static List<String> barTicks(ColorScale scale) {
        List<String> out = new ArrayList<>();
        if (!(scale.high() > scale.low())) {
            out.add(format(scale.low()));
            return out;
        }
        for (int k = 0; k < BAR_TICKS; k++) {
            out.add(format(scale.low() + (scale.high() - scale.low()) * k / (BAR_TICKS - 1)));
        }
        return out;
    }

    /** Three significant digits without trailing zeros: 0.5, 12.3, 1.5e-05. */
    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }

    private static void validate(Matrix m, List<String> rowLabels, List<String> colLabels) {
        if (m.rows() == 0 || m.cols() == 0) {
            throw new IllegalArgumentException("heat map: matrix is " + m.shape() + ", nothing to draw");
        }
        if (rowLabels.size() != m.rows() || colLabels.size() != m.cols()) {
            throw new IllegalArgumentException("heat map: matrix is " + m.shape() + " but got " + rowLabels.size()
                    + " row labels and " + colLabels.size() + " column labels");
        }
    }
}
