package io.dbchat.gateway.audit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit ({@code dbchat.gateway.audit.*}): {@code enabled} runs its topology in this gateway; {@code auditors} are
 * principals (by API key or JWT subject) that read everyone's audit and start replays; with JWTs, a token whose claim
 * {@code jwtClaim} (a string or a list) holds {@code jwtRole} is an auditor too. {@code stateDir} is where the audit's
 * Kafka Streams state (the global store of records, checkpointed) is kept across restarts: by default
 * {@code dbchat.kafka.state-dir} (the data directory's {@code streams} in the standalone process, {@code /state} in the
 * images), else a temporary directory, read again from the audit topic at every start. {@code replayAcceptTimeout}
 * is how long a replay request waits for a replay worker to take it, and {@code replaySilenceTimeout} how long a
 * running replay may go without a word from its worker before the stream ends with an error. {@code commitInterval}
 * is how often the audit's Kafka Streams application commits: the records of a query folded between two commits share
 * one transaction and one changelog record, and a new or changed record is visible to lookups at most that long after
 * its pipeline record (the pipeline's stages commit every {@code dbchat.kafka.commit-interval}; nobody waits for the
 * audit, so it need not).
 */
@ConfigurationProperties("dbchat.gateway.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        List<String> auditors,
        @DefaultValue("roles") String jwtClaim,
        @DefaultValue("auditor") String jwtRole,
        String stateDir,
        @DefaultValue("30s") Duration replayAcceptTimeout,
        @DefaultValue("60s") Duration replaySilenceTimeout,
        @DefaultValue("200ms") Duration commitInterval) {

    @ConstructorBinding
    public AuditProperties {
        auditors = auditors == null ? List.of() : List.copyOf(auditors);
        replayAcceptTimeout = replayAcceptTimeout == null ? Duration.ofSeconds(30) : replayAcceptTimeout;
        replaySilenceTimeout = replaySilenceTimeout == null ? Duration.ofSeconds(60) : replaySilenceTimeout;
        commitInterval = commitInterval == null ? Duration.ofMillis(200) : commitInterval;
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("dbchat.gateway.audit.commit-interval must be positive, not " + commitInterval);
        }
    }

    /** With the defaults but the auditors, as the access rules need them. */
    public AuditProperties(boolean enabled, List<String> auditors, String jwtClaim, String jwtRole) {
        this(enabled, auditors, jwtClaim, jwtRole, null, null, null, null);
    }
}
