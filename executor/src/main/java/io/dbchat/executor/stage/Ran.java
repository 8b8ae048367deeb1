package io.dbchat.executor.stage;

import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.SqlFailed;

/**
 * How a run ended, as the event that carries it on: a result (rows, or a final refusal) for the interpreter, or
 * a failure in the SQL itself that the translator may correct.
 */
public sealed interface Ran {

    record Result(QueryResult result) implements Ran {
    }

    record Failed(SqlFailed failure) implements Ran {
    }
}
