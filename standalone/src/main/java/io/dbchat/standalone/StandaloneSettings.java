package io.dbchat.standalone;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the standalone process is told: the environment (the public DBCHAT_* names, SERVER_PORT) and
 * extra Spring arguments such as {@code --server.port=0}, which win over everything else.
 */
public record StandaloneSettings(Map<String, String> environment, List<String> arguments) {

    public static StandaloneSettings fromProcess(String[] args) {
        return new StandaloneSettings(System.getenv(), List.of(args));
    }

    String get(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean has(String name) {
        return get(name) != null;
    }

    /** DBCHAT_DATA_DIR, or null when the embedded servers should use temporary directories. */
    Path dataDir() {
        return has("DBCHAT_DATA_DIR") ? Path.of(get("DBCHAT_DATA_DIR")) : null;
    }
}
