package io.dbchat.contracts.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access policies in force, read from the policy file and read again when the file changes (its modification
 * time or size), looked at no more often than every reload interval, so that policies change without a restart. A
 * file that cannot be read or parsed at start stops the start; later, the policies last read stay in force and the
 * fault is logged, so that a bad edit never lifts a policy. Without a file there are no policies.
 */
public final class PolicyStore {

    private static final Logger log = LoggerFactory.getLogger(PolicyStore.class);

    private record Loaded(AccessPolicies policies, Instant modified, long size) {
    }

    private final Path file;
    private final Duration interval;
    private final Clock clock;
    private volatile Loaded loaded;
    private volatile Instant nextLook;

    public PolicyStore(Path file, Duration interval, Clock clock) {
        this.file = file;
        this.interval = interval;
        this.clock = clock;
        this.loaded = file == null ? new Loaded(AccessPolicies.NONE, Instant.EPOCH, -1) : read();
        this.nextLook = clock.instant().plus(interval);
    }

    public static PolicyStore none() {
        return new PolicyStore(null, Duration.ZERO, Clock.systemUTC());
    }

    public static PolicyStore of(PolicyProperties properties) {
        return new PolicyStore(properties.file(), properties.reloadInterval(), Clock.systemUTC());
    }

    /** The policies in force now. */
    public AccessPolicies current() {
        if (file != null && !clock.instant().isBefore(nextLook)) {
            reloadIfChanged();
        }
        return loaded.policies();
    }

    public DatasourcePolicies of(String datasource) {
        return current().of(datasource);
    }

    private synchronized void reloadIfChanged() {
        if (clock.instant().isBefore(nextLook)) {
            return;
        }
        nextLook = clock.instant().plus(interval);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.lastModifiedTime().toInstant().equals(loaded.modified()) && attributes.size() == loaded.size()) {
                return;
            }
            Loaded fresh = read();
            if (!fresh.policies().version().equals(loaded.policies().version())) {
                log.info("Access policies reloaded from {} (version {})", file, fresh.policies().version());
            }
            loaded = fresh;
        } catch (RuntimeException | IOException e) {
            log.error("The access policies in {} could not be read again; those of version {} stay in force: {}",
                    file, loaded.policies().version(), e.getMessage());
        }
    }

    private Loaded read() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            AccessPolicies policies = AccessPolicies.parse(Files.readString(file));
            return new Loaded(policies, attributes.lastModifiedTime().toInstant(), attributes.size());
        } catch (IOException e) {
            throw new UncheckedIOException("The access policy file " + file + " cannot be read", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The access policy file " + file + " is not valid: " + e.getMessage(), e);
        }
    }
}
