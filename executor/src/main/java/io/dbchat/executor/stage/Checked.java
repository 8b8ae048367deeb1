package io.dbchat.executor.stage;

import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.ReplyEvent;

/**
 * What checking a proposal yields, in order: STATUS replies, then a refusal (final, or correctable by the
 * translator) or the {@link Execution} to start.
 * Sealed, so the topology decides where each kind goes in exhaustive switches.
 */
public sealed interface Checked permits Checked.Status, Checked.Refused, Checked.Correctable, Execution {

    /** A STATUS reply: validating, executing. */
    record Status(ReplyEvent reply) implements Checked {
    }

    /** The proposal may not run: the end of the query, with the reason. */
    record Refused(QueryRejected rejected) implements Checked {
    }

    /** The guard refused a name the model may have misspelt: a failure the translator may correct. */
    record Correctable(SqlFailed failure) implements Checked {
    }
}
