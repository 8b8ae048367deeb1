package io.dbchat.gateway.audit;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The {@link AuditIndex} kept across a restart beside the audit's state directory: written when the gateway stops,
 * after its Streams instance closed (so it holds at least what the global store's checkpoint holds), and read back,
 * then deleted, at the next start, before the store is. A restart then indexes only the records the store restores
 * past its checkpoint (the global store's processor indexes them) instead of decoding every record of the store.
 * After a crash there is no file (it was deleted when read), and the index is rebuilt from the store.
 */
final class AuditIndexSnapshot {

    private static final Logger log = LoggerFactory.getLogger(AuditIndexSnapshot.class);
    private static final int VERSION = 1;

    /** The file's content: a version and every entry. */
    record Content(int v, List<AuditIndex.Entry> entries) {
    }

    private final Path file;

    AuditIndexSnapshot(Path file) {
        this.file = file;
    }

    /** Fills the index from the file and deletes it; false when there was none, or it could not be read. */
    boolean restore(AuditIndex index) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            Content content = Json.MAPPER.readValue(in, Content.class);
            if (content.v() != VERSION || content.entries() == null) {
                return false;
            }
            content.entries().forEach(index::put);
            log.info("Audit index read back from {}: {} records", file, content.entries().size());
            return true;
        } catch (IOException | JacksonException e) {
            log.warn("Could not read the audit index from {} ({}); rebuilding it from the store", file, e.toString());
            return false;
        } finally {
            delete();
        }
    }

    /** Writes the index (written whole to a temporary file, then moved over the old one). */
    void save(AuditIndex index) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                Json.MAPPER.writeValue(out, new Content(VERSION, index.entries()));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | JacksonException e) {
            log.warn("Could not keep the audit index in {}: {}; the next start rebuilds it", file, e.toString());
        }
    }

    private void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }
}
