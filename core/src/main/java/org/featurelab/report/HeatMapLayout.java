package org.featurelab.report;

import java.awt.Point;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Pixel geometry of a {@link HeatMap}: square cells of side {@code cell} whose top-left corner is at
 * ({@code left}, {@code top}); row labels to the left, column labels below (rotated), colour bar to the right.
 *
 * @param rows          number of matrix rows
 * @param cols          number of matrix columns
 * @param cell          side of one cell in pixels
 * @param left          x of the plot area
 * @param top           y of the plot area
 * @param rowLabels     whether row names are drawn (else sparse row indices)
 * @param colLabels     whether column names are drawn (else sparse column indices)
 * @param colLabelSpace height reserved below the plot for column labels or indices
 * @param barX          x of the colour bar
 * @param barHeight     height of the colour bar (starts at {@code top})
 * @param width         image width
 * @param height        image height
 */
record HeatMapLayout(int rows, int cols, int cell, int left, int top, boolean rowLabels, boolean colLabels,
                     int colLabelSpace, int barX, int barHeight, int width, int height) {
    /** Target side of the plot area; cells shrink to fit it. */
    static final int TARGET_PLOT = 720;
    static final int MIN_CELL = 4;
    static final int MAX_CELL = 48;
    /** Names are drawn only on axes with at most this many entries ... */
    static final int MAX_LABELLED = 40;
    /** ... and only when a cell is at least this tall for the text. */
    static final int MIN_LABEL_CELL = 10;
    static final int PAD = 12;
    static final int GAP = 6;
    static final int BAR_WIDTH = 16;
    static final int MIN_BAR_HEIGHT = 160;
    /** Minimum spacing of index ticks when names are hidden. */
    static final int MIN_TICK_SPACING = 28;

    /**
     * Lays out a rows×cols heat map. {@code textWidth} measures a label in the label font; {@code textHeight}
     * is that font's line height; {@code titleWidth}/{@code titleHeight} describe the title (0 when absent);
     * {@code barLabelWidth} is the widest colour-bar tick label.
     */
    static HeatMapLayout of(int rows, int cols, List<String> rowNames, List<String> colNames,
                            ToIntFunction<String> textWidth, int textHeight, int titleWidth, int titleHeight,
                            int barLabelWidth) {
        int cell = Math.max(MIN_CELL, Math.min(MAX_CELL, TARGET_PLOT / Math.max(1, Math.max(rows, cols))));
        boolean showRows = rows <= MAX_LABELLED && cell >= MIN_LABEL_CELL;
        boolean showCols = cols <= MAX_LABELLED && cell >= MIN_LABEL_CELL;
        int rowSpace = showRows ? widest(rowNames, textWidth) : textWidth.applyAsInt(String.valueOf(rows - 1));
        int colSpace = showCols ? widest(colNames, textWidth) : textHeight;

        int top = PAD + (titleHeight > 0 ? titleHeight + GAP : 0);
        int left = PAD + rowSpace + GAP;
        int plotW = cols * cell;
        int plotH = rows * cell;
        int barX = left + plotW + 2 * GAP + 4;
        int barHeight = Math.max(plotH, MIN_BAR_HEIGHT);
        int width = Math.max(barX + BAR_WIDTH + GAP + barLabelWidth + PAD, titleWidth + 2 * PAD);
        int height = Math.max(top + plotH + GAP + colSpace, top + barHeight + textHeight / 2) + PAD;
        return new HeatMapLayout(rows, cols, cell, left, top, showRows, showCols, colSpace, barX, barHeight, width,
                height);
    }

    /** Pixel at the centre of cell (i, j). */
    Point cellCentre(int i, int j) {
        return new Point(left + j * cell + cell / 2, top + i * cell + cell / 2);
    }

    /** Spacing (in entries) of index ticks when names are hidden: 1, 2, 5, 10, 20, 50, ... */
    int tickStep() {
        for (int scale = 1; ; scale *= 10) {
            for (int mantissa : new int[]{1, 2, 5}) {
                if (mantissa * scale * cell >= MIN_TICK_SPACING) {
                    return mantissa * scale;
                }
            }
        }
    }

    private static int widest(List<String> names, ToIntFunction<String> textWidth) {
        int w = 0;
        for (String s : names) {
            w = Math.max(w, textWidth.applyAsInt(s));
        }
        return w;
    }
}
