package io.dbchat.schemapublisher;

import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.serde.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of a snapshot: SHA-256 (hex) of the canonical JSON of its tables sorted by schema
 * and name. It never covers the datasource or the read time, so an unchanged catalog keeps its version.
 */
final class SnapshotVersion {

    private SnapshotVersion() {
    }

    static String of(List<TableSchema> tables) {
        List<TableSchema> sorted = tables.stream()
                .sorted(Comparator.comparing(TableSchema::schema).thenComparing(TableSchema::name))
                .toList();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.MAPPER.writeValueAsBytes(sorted));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
