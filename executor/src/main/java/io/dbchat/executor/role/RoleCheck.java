package io.dbchat.executor.role;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The executor's look at its own role in every datasource. On start ({@link #inspectAll}) it refuses a superuser
 * unless allowed, and says at WARN what else the role may do beyond reading; for each new schema snapshot
 * ({@link #seen}) it says which columns the role may read that the snapshot does not publish. The findings are
 * the health details (status stays UP: the database's grants are the deployer's to fix, not a fault of the
 * executor); a datasource that could not be inspected says why.
 */
public final class RoleCheck implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RoleCheck.class);
    private static final Duration INSPECTION_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, ConnectionFactory> datasources;
    private final boolean allowSuperuser;
    private final Map<String, RolePrivileges> privileges = new ConcurrentHashMap<>();
    private final Map<String, List<String>> findings = new ConcurrentHashMap<>();
    private final Map<String, String> checkedVersions = new ConcurrentHashMap<>();

    public RoleCheck(Map<String, ConnectionFactory> datasources, boolean allowSuperuser) {
        this.datasources = Map.copyOf(datasources);
        this.allowSuperuser = allowSuperuser;
    }

    /**
     * Inspects every datasource's role now. Throws when a role is a superuser and that is not allowed; a database
     * that cannot be reached is logged and shown, and does not stop the start.
     */
    public void inspectAll() {
        datasources.forEach((name, connections) -> {
            RolePrivileges p;
            try {
                p = RoleInspector.inspect(connections).block(INSPECTION_TIMEOUT);
            } catch (RuntimeException e) {
                log.warn("Could not inspect the executor's role on {}: {}", name, e.getMessage());
                findings.put(name, List.of("not inspected: " + e.getMessage()));
                return;
            }
            if (p.superuser() && !allowSuperuser) {
                throw new IllegalStateException("The executor logs in to " + name + " as " + p.role()
                        + ", a superuser, which may read and change anything whatever the grants. Give it a "
                        + "read-only role (`dbchat grants` prints one; dbchat.executor.username / .password), "
                        + "or set dbchat.executor.allow-superuser=true to run as a superuser anyway.");
            }
            privileges.put(name, p);
            List<String> found = RoleFindings.ofPrivileges(p);
            findings.put(name, found);
            found.forEach(f -> log.warn("Executor role on {}: {}", name, f));
        });
    }

    /**
     * Says, once per snapshot version, which columns the role may read that the snapshot does not publish, from
     * what the role could read when it was inspected (no database call: this runs on the stream thread).
     */
    public void seen(SchemaSnapshot snapshot) {
        RolePrivileges p = snapshot == null ? null : privileges.get(snapshot.datasource());
        if (p == null || snapshot.version() == null
                || snapshot.version().equals(checkedVersions.put(snapshot.datasource(), snapshot.version()))) {
            return;
        }
        List<String> columns = RoleFindings.ofColumns(p, snapshot);
        columns.forEach(f -> log.warn("Executor role on {}: {}", snapshot.datasource(), f));
        List<String> all = new ArrayList<>(RoleFindings.ofPrivileges(p));
        all.addAll(columns);
        findings.put(snapshot.datasource(), List.copyOf(all));
    }

    /** The findings per datasource (empty: nothing wrong found). */
    public Map<String, List<String>> findings() {
        return Map.copyOf(findings);
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        datasources.keySet().stream().sorted().forEach(name -> {
            RolePrivileges p = privileges.get(name);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("role", p == null ? "unknown" : p.role());
            d.put("findings", findings.getOrDefault(name, List.of()));
            details.put(name, d);
        });
        return Health.up().withDetails(details).build();
    }
}
