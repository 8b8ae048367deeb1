package io.dbchat.standalone.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where an embedded server keeps its files: a given directory that outlives the process, or a
 * temporary one that {@link #release()} deletes.
 */
record DataDirectory(Path path, boolean temporary) {

    /** The given directory (created if missing), or a fresh temporary one when {@code dir} is null. */
    static DataDirectory of(Path dir, String prefix) {
        try {
            return dir == null
                    ? new DataDirectory(Files.createTempDirectory(prefix), true)
                    : new DataDirectory(Files.createDirectories(dir), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }

    /** Deletes a temporary directory with its contents; leaves a given one alone. */
    void release() {
        if (!temporary || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(DataDirectory::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
