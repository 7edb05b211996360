package org.featurelab.encoding;

import org.featurelab.base.Listing;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Parallel;
import org.featurelab.table.ColumnType;
import org.featurelab.table.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The immutable result of {@link Preprocessor#fit}: how each input column becomes features (learned on
 * training rows only) and how the target becomes Y. Apply it unchanged to validation, test and
 * prediction data.
 *
 * <p>It is fully described by {@link #columns()} and {@link #target()}, both records; persistence writes
 * those and rebuilds with {@link #of}. Features come column by column in {@link #columns()} order, each
 * column's block as in {@link ColumnEncoding#featureNames()}.
 */
public final class FittedPreprocessor {
    /** Rows of X a transform encodes together: 256 rows of 100 features are 200 KB, in a core's cache. */
    private static final int TRANSFORM_BLOCK = 256;
    /** Absent input columns named in an error message; the rest are counted. */
    private static final int LISTED_ABSENT = 8;

    private final List<ColumnEncoding> columns;
    private final TargetEncoding target;
    private final List<String> featureNames;
    private final int[] featureSource;

    private FittedPreprocessor(List<ColumnEncoding> columns, TargetEncoding target) {
        this.columns = List.copyOf(columns);
        this.target = target;
        if (target == null) {
            throw new IllegalArgumentException("fitted preprocessor: no target encoding");
        }
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("fitted preprocessor: no feature columns");
        }
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        List<Integer> source = new ArrayList<>();
        for (int c = 0; c < this.columns.size(); c++) {
            ColumnEncoding e = this.columns.get(c);
            if (!seen.add(e.name())) {
                throw new IllegalArgumentException("fitted preprocessor: column '" + e.name() + "' is encoded twice");
            }
            if (e.name().equals(target.column())) {
                throw new IllegalArgumentException("fitted preprocessor: target '" + e.name() + "' is also a feature");
            }
            for (String f : e.featureNames()) {
                names.add(f);
                source.add(c);
            }
        }
        this.featureNames = List.copyOf(names);
        this.featureSource = source.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Rebuilds a fitted preprocessor from its description (as written by persistence). */
    public static FittedPreprocessor of(List<ColumnEncoding> columns, TargetEncoding target) {
        return new FittedPreprocessor(columns, target);
    }

    /** The per-column encodings, in feature order. */
    public List<ColumnEncoding> columns() {
        return columns;
    }

    /** The target encoding. */
    public TargetEncoding target() {
        return target;
    }

    /** The task (classification or regression). */
    public Task task() {
        return target.task();
    }

    /** Names of the p output features, e.g. {@code age}, {@code age_missing}, {@code colour=red}. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Number of output features p. */
    public int featureCount() {
        return featureNames.size();
    }

    /** The raw input columns the features are built from, in order (the target not included). */
    public List<String> inputColumns() {
        List<String> out = new ArrayList<>(columns.size());
        for (ColumnEncoding e : columns) {
            out.add(e.name());
        }
        return List.copyOf(out);
    }

    /** The raw column that output feature {@code feature} (0-based) comes from. */
    public String sourceColumn(int feature) {
        return columns.get(featureSource[feature]).name();
    }

    /**
     * The n×p design matrix of a table holding every input column (extra columns, the target included,
     * are ignored; order does not matter). Numeric cells become {@code (x − mean) / std}, missing ones 0
     * plus indicator 1; categorical cells a one-hot block, unseen categories all zeros. Cost O(n·p).
     *
     * @throws IllegalArgumentException naming the absent input columns, or the file, row, column and
     *     value of text or a non-finite number in a numeric column
     */
    public Matrix transform(Table table) {
        List<String> absent = table.absent(inputColumns());
        if (!absent.isEmpty()) {
            List<String> quoted = absent.stream().map(a -> "'" + a + "'").toList();
            throw new IllegalArgumentException(table.describe() + " has no column" + (absent.size() == 1 ? " " : "s ")
                    + Listing.shorten(quoted, LISTED_ABSENT, ", ") + ", which the model was trained on (columns: "
                    + table.listColumns() + ")");
        }
        int n = table.rowCount();
        int p = featureNames.size();
        double[] x = new double[n * p];
        int blocks = (n + TRANSFORM_BLOCK - 1) / TRANSFORM_BLOCK;
        try {
            // blocks of rows on parallel threads, every column of a block while its rows of x are in the cache
            Parallel.rows(blocks, (long) TRANSFORM_BLOCK * columns.size(), b -> encodeRows(table, x, p,
                    b * TRANSFORM_BLOCK, Math.min(n, (b + 1) * TRANSFORM_BLOCK)));
        } catch (RuntimeException | Error blockFailure) {
            // column by column on this thread, as before the blocks: its first failure (the first bad column, then its
            // first bad row) is what the caller gets, whichever block failed first; if nothing fails now (memory that
            // the parallel blocks ran short of), its X is the result
            for (int j = 0, offset = 0; j < columns.size(); offset += columns.get(j).width(), j++) {
                encodeColumn(columns.get(j), table, x, p, offset, 0, n);
            }
        }
        return Matrix.wrap(n, p, x);
    }

    /** Rows [from, to) of X: every column's features at its offset in each row of p values. */
    private void encodeRows(Table table, double[] x, int p, int from, int to) {
        int offset = 0;
        for (ColumnEncoding e : columns) {
            encodeColumn(e, table, x, p, offset, from, to);
            offset += e.width();
        }
    }

    private static void encodeColumn(ColumnEncoding e, Table table, double[] x, int p, int offset, int from, int to) {
        if (e instanceof NumericEncoding num) {
            encodeNumeric(num, table, x, p, offset, from, to);
        } else if (e instanceof CategoricalEncoding cat) {
            encodeCategorical(cat, table, x, p, offset, from, to);
        }
    }

    /**
     * X and Y of a table holding the input columns and the target (training, validation or test data).
     *
     * @throws IllegalArgumentException as {@link #transform} and {@link TargetEncoding#encode}
     */
    public PreparedData prepare(Table table) {
        Matrix y = target.encode(table);
        return new PreparedData(transform(table), y, this);
    }

    private static void encodeNumeric(NumericEncoding e, Table table, double[] x, int p, int offset, int from, int to) {
        int j = table.columnIndex(e.name());
        for (int i = from; i < to; i++) {
            int at = i * p + offset;
            if (table.isMissing(i, j)) {
                if (e.missingIndicator()) {
                    x[at + 1] = 1.0;
                }
                continue; // imputed with the training mean: 0 after standardising
            }
            double v = table.number(i, j);
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException(table.locate(i) + ", column '" + e.name() + "': text '"
                        + table.cell(i, j) + "' where the model expects a number");
            }
            if (Double.isInfinite(v)) {
                throw ColumnType.notFinite(table, i, e.name());
            }
            x[at] = e.standardise(v);
        }
    }

    private static void encodeCategorical(CategoricalEncoding e, Table table, double[] x, int p, int offset, int from,
                                          int to) {
        int j = table.columnIndex(e.name());
        int missingAt = e.categories().size();
        for (int i = from; i < to; i++) {
            int at = i * p + offset;
            if (table.isMissing(i, j)) {
                if (e.missingIndicator()) {
                    x[at + missingAt] = 1.0;
                }
                continue;
            }
            int k = e.indexOf(table.cell(i, j));
            if (k >= 0) {
                x[at + k] = 1.0;
            }
        }
    }

    /** Equal when the column encodings and the target encoding are equal (a restored copy equals its original). */
    @Override
    public boolean equals(Object o) {
        return o instanceof FittedPreprocessor other && columns.equals(other.columns) && target.equals(other.target);
    }

    @Override
    public int hashCode() {
        return 31 * columns.hashCode() + target.hashCode();
    }

    @Override
    public String toString() {
        return "FittedPreprocessor[" + columns.size() + " columns -> " + featureNames.size() + " features, "
                + target + "]";
    }
}
