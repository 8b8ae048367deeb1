package io.dbchat.contracts.runtime;

/**
 * One database that questions are asked of: a name (the key of its schema snapshot, and what a
 * question names) and where it is ({@code DBCHAT_DATASOURCE_URL}, {@code _USERNAME}, {@code _PASSWORD}).
 */
public record DatasourceProperties(String name, String url, String username, String password) {

    public PostgresUrl address() {
        return PostgresUrl.parse(url).withCredentials(username, password);
    }
}
