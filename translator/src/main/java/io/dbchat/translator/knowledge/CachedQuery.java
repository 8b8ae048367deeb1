package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.events.TranslatorInfo;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A question a model translated and the database answered, on the translator's compacted cache topic keyed by query
 * id: what the semantic cache may reuse for the same datasource and schema version. {@code costUsd} is what its
 * translation cost, so a reuse can count what it saved.
 */
public record CachedQuery(int v, String datasource, String schemaVersion, String queryId, String question, String sql,
                          TranslatorInfo translator, BigDecimal costUsd, Instant at) {

    public static final int VERSION = 1;

    /**
     * The answer worth caching, or null: SQL a model wrote (not the caller, the rules, an example or the cache), for a
     * question that stands alone, not a replay, that no access policy shaped (its SQL suits every reader).
     */
    static CachedQuery of(QueryAnswered answered, Instant at) {
        SqlProposed p = answered.proposal();
        boolean byModel = p.translator() != null && !p.translator().isUser() && !"offline".equals(p.translator().provider())
                && (p.source() == null || SqlSource.MODEL.equals(p.source().kind()));
        if (!byModel || p.question().isReplay() || answered.policies() != null || p.schemaVersion() == null
                || !Standalone.standsAlone(p.question().question())) {
            return null;
        }
        return new CachedQuery(VERSION, p.question().datasource(), p.schemaVersion(), p.queryId(), p.question().question(),
                p.sql(), p.translator(), p.usage() == null ? BigDecimal.ZERO : p.usage().costUsd(), at);
    }
}
