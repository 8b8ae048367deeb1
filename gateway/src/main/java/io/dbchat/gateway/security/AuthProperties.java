package io.dbchat.gateway.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the gateway ({@code dbchat.gateway.auth.*}). {@code apiKeys} is a string
 * {@code "key1=alice,key2=bob"} (from DBCHAT_GATEWAY_API_KEYS, never from a file); {@code datasources}
 * maps a principal to the datasources it may ask (a principal absent from the map may ask all); {@code attributes}
 * gives a principal attributes for the access policies ({@code attributes.alice.region=EU}), beside its JWT's claims.
 */
@ConfigurationProperties("dbchat.gateway.auth")
public record AuthProperties(
        @DefaultValue("api-key") Mode mode,
        @DefaultValue("") String apiKeys,
        Map<String, List<String>> datasources,
        @DefaultValue Jwt jwt,
        Map<String, Map<String, String>> attributes) {

    /** open: everyone is "anonymous" (local demo only); api-key: X-API-Key; jwt: OAuth2 bearer tokens. */
    public enum Mode { OPEN, API_KEY, JWT }

    /** Where JWTs are checked: a shared HMAC secret (HS256), a JWK set URI, or an issuer's discovery document. */
    public record Jwt(String issuerUri, String jwkSetUri, String secret) {
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public AuthProperties {
        datasources = datasources == null ? Map.of() : Map.copyOf(datasources);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public AuthProperties(Mode mode, String apiKeys, Map<String, List<String>> datasources, Jwt jwt) {
        this(mode, apiKeys, datasources, jwt, Map.of());
    }

    /** The api-keys string as key to principal; fails on an entry without both halves. */
    public Map<String, String> keyToPrincipal() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String entry : apiKeys.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("dbchat.gateway.auth.api-keys entries must read key=principal");
            }
            keys.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return Map.copyOf(keys);
    }

    public static AuthProperties open() {
        return new AuthProperties(Mode.OPEN, "", Map.of(), new Jwt(null, null, null));
    }
}
