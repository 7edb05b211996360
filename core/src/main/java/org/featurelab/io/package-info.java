/**
 * Persistence and provenance: the versioned, checksummed model file ({@link org.featurelab.io.ModelArchive},
 * {@code .flm}), the {@link org.featurelab.io.Provenance} record stored in it, stable JSON
 * ({@link org.featurelab.io.Json}) and atomic temp-and-rename writing of every output file
 * ({@link org.featurelab.io.AtomicFiles}).
 *
 * <p>Depends only on {@code linalg} (for {@link org.featurelab.linalg.Matrix}) and Jackson. It knows no
 * model: model layers map their fitted state onto a manifest plus named arrays. No Java serialization is
 * used anywhere; every read failure is one {@link java.lang.IllegalArgumentException} sentence naming the
 * file.
 */
package org.featurelab.io;
