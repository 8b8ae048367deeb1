package io.dbchat.standalone.infra;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a server that an earlier dbchat process started on the same data directory and left running
 * when it was killed (a child process outlives a JVM killed with SIGKILL): its pid file names it, and
 * nobody holds the directory's lock, so no live process of ours still uses it.
 */
final class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private Leftovers() {
    }

    /**
     * @param pidFile  the server's pid file, its first line the pid
     * @param lockFile a lock that a live owner of the directory holds, or null when there is none
     * @param command  a word the leftover's command line contains ("postgres", "redis-server")
     */
    static void stop(Path pidFile, Path lockFile, String command) {
        Optional<ProcessHandle> leftover = pid(pidFile).flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().orElse("").contains(command));
        if (leftover.isEmpty() || (lockFile != null && isLockedByOthers(lockFile))) {
            return;
        }
        ProcessHandle process = leftover.get();
        log.warn("Stopping {} (pid {}) left running on {} by an earlier process", command, process.pid(), pidFile.getParent());
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static Optional<Long> pid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isLockedByOthers(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }
}
