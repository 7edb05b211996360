package org.featurelab.linalg;

import org.featurelab.cli.Main;

/**
 * A deliberate layering violation, in the test sources only: a {@code linalg} class that uses {@code cli} (and through
 * it picocli). {@code LayeringTest.catchesAPlantedUpwardDependency} checks that the layering rules report it; the
 * layering check of the product reads the main classes only, so this class does not fail it.
 */
public final class PlantedUpwardDependency {
    private PlantedUpwardDependency() {
    }

    /** Runs the CLI from linalg: exactly what the layering forbids. */
    public static int callsUp() {
        return Main.run(new String[] {"--version"}, System.out, System.err);
    }

    /** Uses picocli from linalg (a return type is a dependency too). */
    public static picocli.CommandLine usesPicocli() {
        return null;
    }
}
