package io.dbchat.executor.guard;

import io.dbchat.contracts.errors.Problem;
import java.util.List;

/** The guard's verdict: the SQL to run (its row limit added or tightened), or a refusal with a reason. */
public sealed interface GuardResult {

    /**
     * The statement is safe; {@code sql} is the rewritten text to execute, with the access policies that applied to
     * it ({@code policies}, named as in {@link PolicyScope}; empty when none did).
     */
    record Accepted(String sql, List<String> policies) implements GuardResult {

        public Accepted {
            policies = policies == null ? List.of() : List.copyOf(policies);
        }

        public Accepted(String sql) {
            this(sql, List.of());
        }
    }

    /** The statement is refused; {@code problem.code()} is {@code sql.<reason>}. */
    record Rejected(Problem problem) implements GuardResult {
    }
}
