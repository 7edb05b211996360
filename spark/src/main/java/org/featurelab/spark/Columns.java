package org.featurelab.spark;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;

/** The schema checks of the stages: one sentence naming the column, its type and what was expected. */
final class Columns {
    private Columns() {
    }

    static void requireVector(StructType schema, String column, String stage) {
        DataType t = type(schema, column, stage);
        if (!t.equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException(stage + ": column '" + column + "' must be a vector "
                    + "(org.apache.spark.ml.linalg.Vector, e.g. from VectorAssembler), but it is " + t.simpleString());
        }
    }

    static void requireNumeric(StructType schema, String column, String stage) {
        DataType t = type(schema, column, stage);
        if (!(t instanceof NumericType)) {
            throw new IllegalArgumentException(stage + ": label column '" + column + "' must be numeric, but it is "
                    + t.simpleString() + " (index text labels with StringIndexer)");
        }
    }

    /** {@code schema} with {@code field} appended; an empty name means the column is not wanted. */
    static StructType append(StructType schema, String stage, StructField field) {
        if (field.name().isEmpty()) {
            return schema;
        }
        if (Arrays.asList(schema.fieldNames()).contains(field.name())) {
            throw new IllegalArgumentException(stage + ": output column '" + field.name() + "' already exists");
        }
        return schema.add(field);
    }

    private static DataType type(StructType schema, String column, String stage) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(stage + ": no column '" + column + "' (columns: "
                    + String.join(", ", schema.fieldNames()) + ")");
        }
        return schema.apply(column).dataType();
    }
}
