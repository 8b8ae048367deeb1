package io.dbchat.gateway;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.DisplayText;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.time.Instant;
import java.util.List;

/** Events the gateway's tests share: a question, the pipeline's replies to it, and a small schema. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    private Fixtures() {
    }

    public static QuestionAsked question(String queryId) {
        return QuestionAsked.of(queryId, "conv-" + queryId, "anonymous", "default", "How many orders?", NOW);
    }

    public static ReplyEvent translating(QuestionAsked q) {
        return ReplyEvent.status(q, ReplySeq.translating(1), "translating", NOW);
    }

    public static ReplyEvent answered(QuestionAsked q) {
        var answer = new FinalAnswer("There are 42 orders.", "SELECT count(*) AS orders FROM orders",
                List.of(new ColumnMeta("orders", "int8")), List.of(List.<Object>of(42)), 1, false, null,
                "offline (rules)", null, null, new DisplayText(List.of("number"), List.of(List.of("42"))));
        return ReplyEvent.fin(q, ReplySeq.interpreter(1), answer, NOW);
    }

    public static ReplyEvent failed(QuestionAsked q) {
        return ReplyEvent.error(q, ReplySeq.interpreter(1),
                ErrorCode.SQL_FAILED.problem("relation \"nope\" does not exist"), NOW);
    }

    public static SchemaSnapshot schema(String datasource) {
        var customers = new TableSchema("public", "customers", "table", "People who buy", 10,
                List.of(ColumnSchema.of("id", "int8", false), ColumnSchema.of("name", "text", false)),
                List.of("id"), List.of(), List.of());
        var orders = new TableSchema("public", "orders", "table", null, 100,
                List.of(ColumnSchema.of("id", "int8", false), ColumnSchema.of("customer_id", "int8", false),
                        new ColumnSchema("status", "text", false, null, "Where the order is",
                                List.of("new", "Shipped"), "check")),
                List.of("id"), List.of(),
                List.of(new ForeignKey("orders_customer_fk", List.of("customer_id"), "public", "customers", List.of("id"))));
        return new SchemaSnapshot(SchemaSnapshot.VERSION, datasource, "v1", NOW, List.of(customers, orders));
    }
}
