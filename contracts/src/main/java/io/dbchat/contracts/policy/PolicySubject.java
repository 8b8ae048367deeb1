package io.dbchat.contracts.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the policies know of a principal: its attributes (from its JWT's claims or its API key's configuration),
 * never null. Its roles are the values of the attributes {@code role} and {@code roles} (a comma-separated list).
 */
public record PolicySubject(Map<String, String> attributes) {

    public static final PolicySubject NOBODY = new PolicySubject(Map.of());

    public PolicySubject {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static PolicySubject of(Map<String, String> attributes) {
        return new PolicySubject(attributes);
    }

    public Set<String> roles() {
        return Stream.of(attributes.get("role"), attributes.get("roles"))
                .filter(v -> v != null && !v.isBlank())
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The attribute's value, or null when the principal has none (or an empty one). */
    public String attribute(String name) {
        String value = attributes.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
