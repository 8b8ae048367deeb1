package io.dbchat.contracts.runtime;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL address as users write it: {@code postgresql://user:pw@host:5432/db?sslmode=require},
 * also with a {@code postgres:}, {@code jdbc:} or {@code r2dbc:} prefix. Credentials given apart
 * (environment variables) win over those in the URL.
 */
public record PostgresUrl(String host, int port, String database, String username, String password,
                          Map<String, String> options) {

    public static PostgresUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("A PostgreSQL URL is required, e.g. postgresql://127.0.0.1:5432/shop");
        }
        String s = url.strip().replaceFirst("^(jdbc:|r2dbc:)", "").replaceFirst("^postgres:", "postgresql:");
        if (!s.startsWith("postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL URL: " + url + " (expected postgresql://host:port/database)");
        }
        URI uri = URI.create(s);
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || db.isEmpty()) {
            throw new IllegalArgumentException("A PostgreSQL URL needs a host and a database: " + url);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new PostgresUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db, user, password,
                query(uri.getRawQuery()));
    }

    /** The same address with these credentials where they are given. */
    public PostgresUrl withCredentials(String user, String pw) {
        return new PostgresUrl(host, port, database, present(user) ? user : username,
                present(pw) ? pw : password, options);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        return Map.copyOf(out);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
