package org.featurelab.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * featurelab's model values (records: {@code LeafFit}, {@code PartitionedFit}, …) cross Spark as Java-serialised
 * bytes, so that they travel the same way under every {@code spark.serializer} (Kryo 4, Spark's default fast
 * serializer, cannot write Java records).
 */
final class Payloads {
    private Payloads() {
    }

    static byte[] toBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("featurelab-spark: cannot serialise a " + value.getClass().getSimpleName(), e);
        }
        return bytes.toByteArray();
    }

    static <T> T fromBytes(byte[] bytes, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("featurelab-spark: cannot read back a " + type.getSimpleName(), e);
        }
    }
}
