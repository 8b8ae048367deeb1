package io.dbchat.gateway.security;

import java.security.Principal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * A principal's attributes, which the access policies bind ({@code :region} in a row filter, roles for columns):
 * the claims of its JWT (strings, numbers and booleans as written, a list of them joined by commas; the registered
 * time and audience claims left out), overlaid by those configured for it under
 * {@code dbchat.gateway.auth.attributes.<principal>.<name>}, which is also where an API key's principal gets them.
 * Bounded: at most 64 attributes, names of at most 64 characters, values of at most 1,024.
 */
public final class PrincipalAttributes {

    private static final Set<String> LEFT_OUT = Set.of("iss", "aud", "exp", "nbf", "iat", "jti");
    private static final int MAX_ATTRIBUTES = 64;
    private static final int MAX_NAME = 64;
    private static final int MAX_VALUE = 1_024;

    private final Map<String, Map<String, String>> configured;

    public PrincipalAttributes(Map<String, Map<String, String>> configured) {
        this.configured = configured == null ? Map.of() : Map.copyOf(configured);
    }

    public static PrincipalAttributes none() {
        return new PrincipalAttributes(Map.of());
    }

    /** The attributes of {@code principal}, authenticated as {@code authenticated} (null in open mode). */
    public Map<String, String> of(String principal, Principal authenticated) {
        Map<String, String> out = new TreeMap<>();
        if (authenticated instanceof JwtAuthenticationToken jwt) {
            jwt.getTokenAttributes().forEach((name, value) -> {
                String text = text(value);
                if (!LEFT_OUT.contains(name) && text != null) {
                    put(out, name, text);
                }
            });
        }
        configured.getOrDefault(principal, Map.of()).forEach((name, value) -> put(out, name, value));
        return new LinkedHashMap<>(out);
    }

    /** The attributes of a principal whose authentication is still to be read from the request. */
    public Mono<Map<String, String>> of(String principal, Mono<? extends Principal> authenticated) {
        return authenticated.map(a -> of(principal, (Principal) a)).defaultIfEmpty(of(principal, (Principal) null));
    }

    private static void put(Map<String, String> out, String name, String value) {
        if (out.size() < MAX_ATTRIBUTES && name.length() <= MAX_NAME && value != null && value.length() <= MAX_VALUE) {
            out.put(name, value);
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case String s -> s;
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case Collection<?> c when c.stream().allMatch(v -> v instanceof String || v instanceof Number) ->
                    c.stream().map(Object::toString).collect(Collectors.joining(","));
            case Instant ignored -> null;
            case null, default -> null;
        };
    }
}
