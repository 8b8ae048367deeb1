package io.dbchat.standalone.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stopped PostgreSQL cluster that already holds the demo database, made once per JVM in the directory the system
 * property {@value #PROPERTY} names, and copied for every new cluster (a temporary one, or a data directory without
 * one yet): a copy takes a fraction of the time of initdb and the demo load. The integration tests set the property
 * (they start a dozen clusters); without it, as in {@code ./dbchat}, every new cluster is made by initdb as before.
 */
final class ClusterTemplate {

    static final String PROPERTY = "dbchat.postgres.template";
    private static final Logger log = LoggerFactory.getLogger(ClusterTemplate.class);
    /** A running or crashed server's files, never part of a copy. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private static Path made;
    /** True while the template itself is made: its own cluster is made by initdb. */
    private static boolean making;

    private ClusterTemplate() {
    }

    /** A fresh temporary copy of the template, or null when no template is asked for. */
    static DataDirectory copy() {
        if (template() == null) {
            return null;
        }
        DataDirectory copy = DataDirectory.of(null, "dbchat-postgres-");
        try {
            copyInto(copy.path());
        } catch (RuntimeException e) {
            copy.release();
            throw e;
        }
        return copy;
    }

    /**
     * Copies the template into a data directory that holds no cluster yet, so no initdb runs there.
     *
     * @return false when no template is asked for or the directory holds a cluster already
     */
    static boolean seed(Path dataDirectory) {
        if (template() == null || Files.exists(dataDirectory.resolve("postgresql.conf"))) {
            return false;
        }
        copyInto(dataDirectory);
        return true;
    }

    private static void copyInto(Path target) {
        Path template = template();
        try (Stream<Path> files = Files.walk(template)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                if (SKIPPED.contains(from.getFileName().toString())) {
                    continue;
                }
                Path to = target.resolve(template.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            // PostgreSQL starts only on a data directory that no one else may read
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the PostgreSQL template " + template + " to " + target, e);
        }
    }

    /**
     * The template, made by the first call in this JVM (a template left by an earlier build may hold an older demo);
     * null when none is asked for.
     */
    private static synchronized Path template() {
        String property = System.getProperty(PROPERTY);
        if (property == null || property.isBlank()) {
            return null;
        }
        if (made == null && !making) {
            Path dir = Path.of(property).toAbsolutePath();
            new DataDirectory(dir, true).release();
            long started = System.nanoTime();
            making = true;
            try (EmbeddedDatabase server = new EmbeddedDatabase(dir, 0).start()) {
                server.ensureDemoDatabase();
            } finally {
                making = false;
            }
            log.info("Made the PostgreSQL template with the demo database in {} ms", (System.nanoTime() - started) / 1_000_000);
            made = dir;
        }
        return made;
    }
}
