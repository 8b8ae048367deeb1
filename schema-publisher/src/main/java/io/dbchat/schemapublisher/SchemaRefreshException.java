package io.dbchat.schemapublisher;

/** A catalog could not be read or its snapshot not published; {@link #reason()} says why, for people. */
public class SchemaRefreshException extends RuntimeException {

    private final String datasource;
    private final String reason;

    SchemaRefreshException(String datasource, String reason, Throwable cause) {
        super("Schema of " + datasource + " not refreshed: " + reason, cause);
        this.datasource = datasource;
        this.reason = reason;
    }

    public String datasource() {
        return datasource;
    }

    public String reason() {
        return reason;
    }
}
