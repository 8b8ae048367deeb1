package io.dbchat.gateway.knowledge;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The knowledge API ({@code dbchat.gateway.knowledge.*}): {@code admins} are principals (by API key or JWT subject)
 * that approve, edit approved entries and delete; with JWTs, a token whose claim {@code jwtClaim} (a string or a list)
 * holds {@code jwtRole} is an admin too. A save answers once this instance reads the entry back from the topic, or
 * after {@code visibilityTimeout} at most.
 */
@ConfigurationProperties("dbchat.gateway.knowledge")
public record KnowledgeProperties(
        List<String> admins,
        @DefaultValue("roles") String jwtClaim,
        @DefaultValue("admin") String jwtRole,
        @DefaultValue("10s") Duration visibilityTimeout) {

    public KnowledgeProperties {
        admins = admins == null ? List.of() : List.copyOf(admins);
    }
}
