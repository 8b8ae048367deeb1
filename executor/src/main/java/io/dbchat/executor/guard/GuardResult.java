package io.dbchat.executor.guard;

import io.dbchat.contracts.errors.Problem;

/** The guard's verdict: the SQL to run (its row limit added or tightened), or a refusal with a reason. */
public sealed interface GuardResult {

    /** The statement is safe; {@code sql} is the rewritten text to execute. */
    record Accepted(String sql) implements GuardResult {
    }

    /** The statement is refused; {@code problem.code()} is {@code sql.<reason>}. */
    record Rejected(Problem problem) implements GuardResult {
    }
}
