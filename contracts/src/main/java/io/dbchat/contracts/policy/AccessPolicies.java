package io.dbchat.contracts.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every datasource's access policies, as read from the policy file, and the {@code version} of that file's content
 * (a hash, so that caches of rewritten SQL are told apart by the policies they were rewritten under). The file:
 * <pre>
 * datasources:
 *   demo:
 *     rows:
 *       clients: "country = :country"
 *     columns:
 *       users:
 *         salary: [hr]
 * </pre>
 */
public record AccessPolicies(String version, Map<String, DatasourcePolicies> datasources) {

    public static final AccessPolicies NONE = new AccessPolicies("none", Map.of());

    public AccessPolicies {
        datasources = Map.copyOf(datasources);
    }

    public DatasourcePolicies of(String datasource) {
        return datasource == null ? DatasourcePolicies.NONE : datasources.getOrDefault(datasource, DatasourcePolicies.NONE);
    }

    /** Reads a policy file's text; fails with a message naming what is wrong. */
    public static AccessPolicies parse(String text) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        Map<String, DatasourcePolicies> out = new LinkedHashMap<>();
        if (root != null) {
            Map<String, Object> top = map(root, "the file");
            for (String key : top.keySet()) {
                if (!key.equals("datasources")) {
                    throw new IllegalArgumentException("unknown key '" + key + "' at the top of the policy file");
                }
            }
            map(top.getOrDefault("datasources", Map.of()), "datasources")
                    .forEach((name, value) -> out.put(name, datasource(name, value)));
        }
        return new AccessPolicies(hash(text), out);
    }

    private static DatasourcePolicies datasource(String name, Object value) {
        Map<String, Object> body = map(value == null ? Map.of() : value, "datasource " + name);
        Map<String, String> rows = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> columns = new LinkedHashMap<>();
        body.forEach((key, part) -> {
            switch (key) {
                case "rows" -> map(part, name + ".rows").forEach((table, filter) -> {
                    if (!(filter instanceof String f) || f.isBlank()) {
                        throw new IllegalArgumentException("the row filter of " + name + "." + table + " must be SQL text");
                    }
                    rows.put(table, f);
                });
                case "columns" -> map(part, name + ".columns").forEach((table, cols) -> {
                    Map<String, List<String>> roles = new LinkedHashMap<>();
                    map(cols, name + ".columns." + table).forEach((column, allowed) ->
                            roles.put(column, roles(allowed, name + ".columns." + table + "." + column)));
                    columns.put(table, roles);
                });
                default -> throw new IllegalArgumentException("unknown key '" + key + "' under datasource " + name
                        + " (rows or columns)");
            }
        });
        return new DatasourcePolicies(rows, columns);
    }

    private static List<String> roles(Object value, String where) {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        if (value instanceof String s) {
            return List.of(s.split(",")).stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
        }
        throw new IllegalArgumentException(where + " must list the roles that may read it");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?> m) || !m.keySet().stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException(where + " must be a mapping of names");
        }
        return (Map<String, Object>) m;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
