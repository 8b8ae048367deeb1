package io.dbchat.contracts.policy;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the access policies are ({@code dbchat.policy.*}): {@code file}, a YAML file ({@link AccessPolicies}), none
 * by default; it is read again when it changes, looked at no more often than every {@code reloadInterval}.
 */
@ConfigurationProperties("dbchat.policy")
public record PolicyProperties(Path file, @DefaultValue("2s") Duration reloadInterval) {
}
