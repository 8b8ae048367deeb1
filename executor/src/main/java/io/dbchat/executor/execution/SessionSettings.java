package io.dbchat.executor.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PostgreSQL's own row-level security as an option ({@code dbchat.executor.rls.*}): when {@code enabled}, each
 * statement's transaction first sets the principal's attributes as custom settings, {@code <prefix>.<attribute>}
 * (e.g. {@code dbchat.region}), local to the transaction, so that the database's RLS policies can read them with
 * {@code current_setting('dbchat.region', true)}. {@code attributes} names the attributes to set (each one set,
 * to the empty string when the principal lacks it, so a policy sees no value rather than another query's); empty
 * sets every attribute the principal has. Needs {@code dbchat.executor.mode=transaction}. Attribute names that are
 * not plain identifiers are never set.
 */
@ConfigurationProperties("dbchat.executor.rls")
public record SessionSettings(@DefaultValue("false") boolean enabled, @DefaultValue("dbchat") String prefix,
                              List<String> attributes) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public static final SessionSettings OFF = new SessionSettings(false, "dbchat", List.of());

    public SessionSettings {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        if (!NAME.matcher(prefix).matches()) {
            throw new IllegalArgumentException("dbchat.executor.rls.prefix must be a lower-case identifier");
        }
    }

    /** The settings (name to value) for a principal with these attributes; empty when the option is off. */
    public Map<String, String> of(Map<String, String> principal) {
        if (!enabled) {
            return Map.of();
        }
        Map<String, String> given = principal == null ? Map.of() : principal;
        Map<String, String> out = new TreeMap<>();
        if (attributes.isEmpty()) {
            given.forEach((name, value) -> put(out, name, value));
        } else {
            attributes.forEach(name -> put(out, name, given.getOrDefault(name, "")));
        }
        return new LinkedHashMap<>(out);
    }

    private void put(Map<String, String> out, String name, String value) {
        if (NAME.matcher(name).matches() && value != null && value.indexOf('\0') < 0) {
            out.put(prefix + "." + name, value);
        }
    }
}
