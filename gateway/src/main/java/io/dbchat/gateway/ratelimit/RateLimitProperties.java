package io.dbchat.gateway.ratelimit;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Questions each principal may submit per minute ({@code dbchat.gateway.rate-limit.per-minute}); 0 turns limits off. */
@Validated
@ConfigurationProperties("dbchat.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("120") @Min(0) long perMinute) {
}
