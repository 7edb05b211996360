package org.featurelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CLI's error boundary: every failure becomes exactly one line {@code featurelab: <message>} on stderr
 * and an exit code. Bad input (usage errors, {@link IllegalArgumentException}, I/O errors, numerical
 * failures as {@link ArithmeticException}) exits with {@value #BAD_INPUT}; anything else is unexpected and
 * exits with {@value #UNEXPECTED}. Stack traces are printed only in debug mode ({@code --debug} or
 * {@code FEATURELAB_DEBUG=1}), after the line.
 */
final class Errors {
    /** Exit code of bad input and usage errors. */
    static final int BAD_INPUT = 2;
    /** Exit code of unexpected failures. */
    static final int UNEXPECTED = 1;

    private final PrintWriter err;
    private final boolean debug;

    Errors(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    /** A usage error: the message, the closest option or command to a mistyped one, and where to get help. */
    int handleUsage(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        if (!(e instanceof UnmatchedArgumentException) && where != null && !where.getUnmatchedArguments().isEmpty()) {
            // an unknown option explains a "missing required option" better than the other way round
            e = new UnmatchedArgumentException(where, where.getUnmatchedArguments());
        }
        StringBuilder line = new StringBuilder(oneLine(e.getMessage()));
        if (e instanceof UnmatchedArgumentException u && where != null && !u.getUnmatched().isEmpty()
                && !where.getCommandSpec().subcommands().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            line = new StringBuilder("unknown command '" + u.getUnmatched().get(0) + "'");
        }
        if (e instanceof UnmatchedArgumentException u && where != null && !u.getUnmatched().isEmpty()) {
            String suggestion = suggest(u.getUnmatched().get(0), where.getCommandSpec());
            if (suggestion != null) {
                line.append(" (did you mean ").append(suggestion).append("?)");
            }
        }
        String name = where == null ? "featurelab" : where.getCommandSpec().qualifiedName();
        line.append("; try '").append(name).append(" --help'");
        print(line.toString(), e);
        return BAD_INPUT;
    }

    /** The option or subcommand name closest to a mistyped argument (edit distance at most 2), or null. */
    static String suggest(String arg, CommandSpec spec) {
        String typed = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        List<String> names = new ArrayList<>(spec.subcommands().keySet());
        spec.options().forEach(o -> names.addAll(Arrays.asList(o.names())));
        String best = null;
        int bestDistance = 3;
        for (String name : names) {
            int d = editDistance(typed, name);
            if (d > 0 && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitution, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Any other failure: one line, exit 2 for bad input and 1 for the unexpected. */
    int handle(Throwable t) {
        if (t instanceof ParameterException p) {
            return handleUsage(p, new String[0]);
        }
        if (t instanceof IllegalArgumentException) {
            print(message(t), t);
            return BAD_INPUT;
        }
        if (t instanceof UncheckedIOException u) {
            boolean wrapsOnly = u.getCause() != null && String.valueOf(u.getCause()).equals(u.getMessage());
            print(wrapsOnly ? ioMessage(u.getCause()) : message(u), t);
            return BAD_INPUT;
        }
        if (t instanceof IOException io) {
            print(ioMessage(io), t);
            return BAD_INPUT;
        }
        if (t instanceof ArithmeticException) {
            print("numerical failure: " + message(t), t);
            return BAD_INPUT;
        }
        if (t instanceof OutOfMemoryError) {
            print("out of memory; give the JVM more heap (FEATURELAB_JAVA_OPTS=-Xmx16g) or use less data", t);
            return UNEXPECTED;
        }
        print("unexpected error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()))
                + (debug ? "" : " (run with --debug for the stack trace)"), t);
        return UNEXPECTED;
    }

    private void print(String line, Throwable t) {
        err.println("featurelab: " + line);
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
    }

    /** The exception's message on one line, or its type when it has none. */
    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            Throwable cause = t.getCause();
            return cause != null && cause != t ? message(cause) : t.getClass().getSimpleName();
        }
        return oneLine(m);
    }

    /** An I/O error in words; the JDK's file exceptions carry only the path as their message. */
    static String ioMessage(IOException e) {
        String path = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String why;
        if (e instanceof java.nio.file.NoSuchFileException) {
            why = "no such file or directory";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            why = "file already exists";
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            why = "not a directory";
        } else if (e instanceof java.nio.file.FileSystemException f) {
            why = f.getReason() == null ? "file system error" : f.getReason();
        } else {
            return e.getMessage() == null || e.getMessage().isBlank() ? "I/O error" : "I/O error: " + oneLine(e.getMessage());
        }
        return path == null ? why : path + ": " + why;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
