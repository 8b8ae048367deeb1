package io.dbchat.contracts;

/** Kafka record header names that dbchat sets; values are UTF-8 strings. */
public final class Headers {

    /** Correlates every event of one question across stages and logs. */
    public static final String TRACE_ID = "dbchat-trace-id";
    /** The schema snapshot version that a translation or a guard decision used. */
    public static final String SCHEMA_VERSION = "dbchat-schema-version";
    /** The stage that wrote the record. */
    public static final String SOURCE_STAGE = "dbchat-stage";
    /** W3C trace context: one trace per question across the stages (see {@code tracing.StageTracing}). */
    public static final String TRACEPARENT = "traceparent";

    private Headers() {
    }
}
