package io.dbchat.standalone.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stopped PostgreSQL cluster that already holds the demo database, made once per JVM in the directory the system
 * property {@value #PROPERTY} names, and copied for every temporary cluster: a copy takes a fraction of the time of
 * initdb and the demo load. The integration tests set the property (they start a dozen clusters); without it, as
 * in {@code ./dbchat}, every temporary cluster is made by initdb as before.
 */
final class ClusterTemplate {

    static final String PROPERTY = "dbchat.postgres.template";
    private static final Logger log = LoggerFactory.getLogger(ClusterTemplate.class);
    /** A running or crashed server's files, never part of a copy. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private static Path made;

    private ClusterTemplate() {
    }

    /** A fresh temporary copy of the template, or null when no template is asked for. */
    static DataDirectory copy() {
        Path template = template();
        if (template == null) {
            return null;
        }
        DataDirectory copy = DataDirectory.of(null, "dbchat-postgres-");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                if (SKIPPED.contains(from.getFileName().toString())) {
                    continue;
                }
                Path to = copy.path().resolve(template.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            copy.release();
            throw new UncheckedIOException("cannot copy the PostgreSQL template " + template, e);
        }
        return copy;
    }

    /** The template, made by the first call in this JVM (a template left by an earlier build may hold an older demo). */
    private static synchronized Path template() {
        String property = System.getProperty(PROPERTY);
        if (property == null || property.isBlank()) {
            return null;
        }
        if (made == null) {
            Path dir = Path.of(property).toAbsolutePath();
            new DataDirectory(dir, true).release();
            long started = System.nanoTime();
            try (EmbeddedDatabase server = new EmbeddedDatabase(dir, 0).start()) {
                server.ensureDemoDatabase();
            }
            log.info("Made the PostgreSQL template with the demo database in {} ms", (System.nanoTime() - started) / 1_000_000);
            made = dir;
        }
        return made;
    }
}
