package io.dbchat.standalone.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The redis-server executable bundled in the cn.ponfee:embedded-redis jar, copied out for this operating
 * system and architecture. Its own launcher needs Guava, which that jar declares only as optional.
 */
final class RedisBinary {

    private static final String VERSION = "7.4.1";

    private RedisBinary() {
    }

    /** Copies the executable into {@code directory} and returns its path. */
    static Path extractTo(Path directory) {
        String resource = "redis-server-" + VERSION + "-" + platform();
        Path target = directory.resolve("redis-server");
        try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no embedded Redis binary " + resource + " on the classpath");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
        if (!target.toFile().setExecutable(true)) {
            throw new IllegalStateException("cannot make " + target + " executable");
        }
        return target;
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "darwin" : os.contains("linux") ? "linux" : null;
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "amd64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : null;
        if (system == null || cpu == null) {
            throw new IllegalStateException("no embedded Redis binary for " + os + " " + arch);
        }
        return system + "-" + cpu;
    }
}
