package io.dbchat.translator.layeringfixture;

import io.dbchat.executor.guard.SqlGuard;

/** A translator class that checks SQL with the executor's guard itself: what the layering test must refuse. */
public final class TranslatorCallingTheGuard {

    private TranslatorCallingTheGuard() {
    }

    public static boolean accepts(SqlGuard guard, String sql) {
        return guard.check(sql, null) != null;
    }
}
