package org.featurelab.base;

/** One-line progress messages from long work; the CLI prints them on stderr unless --quiet. */
@FunctionalInterface
public interface Progress {
    Progress NONE = line -> {
    };

    void message(String line);
}
