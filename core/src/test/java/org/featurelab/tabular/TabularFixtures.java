package org.featurelab.tabular;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.ModelArchive;
import org.featurelab.linalg.Matrix;
import org.featurelab.table.Table;
import org.featurelab.testing.TestData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Shared helpers of the tabular tests: the bundled small data sets and seeded row splits of a {@link Table}. */
final class TabularFixtures {
    private TabularFixtures() {
    }

    /** Reads the fixture {@code small/<name>.csv} (see {@link TestData#small}). */
    static Table small(String name) {
        return Table.readCsv(TestData.small(name));
    }

    /**
     * Writes {@code out}: the model file {@code good} with its manifest edited by {@code edit} and its arrays and
     * provenance kept — a valid archive (checksums recomputed) around a possibly inconsistent model, for load checks.
     */
    static Path withEditedManifest(Path good, Path out, Consumer<ObjectNode> edit) {
        ModelArchive a = ModelArchive.read(good);
        ObjectNode manifest = a.manifest().deepCopy();
        edit.accept(manifest);
        Map<String, Matrix> arrays = new LinkedHashMap<>();
        a.arrayNames().forEach(n -> arrays.put(n, a.array(n)));
        ModelArchive.write(out, ModelArchive.of(manifest, a.provenance(), arrays));
        return out;
    }

    /** The last column's name: the target of every bundled data set. */
    static String lastColumn(Table table) {
        return table.columnNames().get(table.columnCount() - 1);
    }

    /**
     * A small table as a user might have it: numeric {@code x1} (about 1 cell in 8 missing, written "NA"),
     * numeric {@code x2}, categorical {@code colour} (red, green or blue; about 1 cell in 10 empty) and a target.
     * Classification: {@code label} in {1, 2, 3} (integers, so detected as classes) set mostly by colour and x1;
     * regression: {@code y = x1 + 2·[colour = red] − x2 / 2 + noise}. Seeded, so the same arguments give the
     * same table.
     */
    static Table synthetic(int rows, long seed, boolean regression) {
        SplittableRandom rng = new SplittableRandom(seed);
        String[] colours = {"red", "green", "blue"};
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double x1 = rng.nextDouble(-2, 2);
            double x2 = rng.nextDouble(0, 10);
            int c = rng.nextInt(3);
            String target;
            if (regression) {
                target = Double.toString(x1 + (c == 0 ? 2 : 0) - x2 / 2 + 0.1 * rng.nextDouble(-1, 1));
            } else {
                target = Integer.toString(x1 > 1 ? 3 : c == 0 ? 1 : 2);
            }
            cells.add(new String[] {rng.nextInt(8) == 0 ? "NA" : Double.toString(x1), Double.toString(x2),
                    rng.nextInt(10) == 0 ? "" : colours[c], target});
        }
        if (rows > 1) { // at least one missing cell in each column that may have them
            cells.get(0)[0] = "NA";
            cells.get(1)[2] = "";
        }
        return Table.of(List.of("x1", "x2", "colour", regression ? "y" : "label"), cells);
    }

    /** A train/test pair of tables. */
    record TrainTest(Table train, Table test) {
    }

    /**
     * Splits the rows into train and test, holding out {@code round(testFraction·n_k)} rows of every class k
     * of {@code stratifyBy} (classes in sorted order, each shuffled with one seeded generator); with
     * {@code stratifyBy == null} one plain shuffle of all rows. Both sides keep the original row order.
     */
    static TrainTest split(Table table, String stratifyBy, double testFraction, long seed) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        int column = stratifyBy == null ? -1 : table.columnIndex(stratifyBy);
        for (int i = 0; i < table.rowCount(); i++) {
            groups.computeIfAbsent(column < 0 ? "" : table.cell(i, column), k -> new ArrayList<>()).add(i);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] test = new boolean[table.rowCount()];
        for (List<Integer> g : groups.values()) {
            int[] rows = g.stream().mapToInt(Integer::intValue).toArray();
            for (int i = rows.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            long nTest = Math.round(testFraction * rows.length);
            for (int k = 0; k < nTest; k++) {
                test[rows[k]] = true;
            }
        }
        List<Integer> trainRows = new ArrayList<>();
        List<Integer> testRows = new ArrayList<>();
        for (int i = 0; i < test.length; i++) {
            (test[i] ? testRows : trainRows).add(i);
        }
        return new TrainTest(table.selectRows(toArray(trainRows)), table.selectRows(toArray(testRows)));
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
