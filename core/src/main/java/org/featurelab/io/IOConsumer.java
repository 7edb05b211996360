package org.featurelab.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}: the shape of "write this output into that file" callbacks
 * handed to {@link AtomicFiles#write}.
 *
 * @param <T> the consumed value, usually the {@link java.nio.file.Path} of a temporary file
 */
@FunctionalInterface
public interface IOConsumer<T> {
    /** Consumes {@code value}, possibly failing with an I/O error. */
    void accept(T value) throws IOException;
}
