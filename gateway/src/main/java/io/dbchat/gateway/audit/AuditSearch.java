package io.dbchat.gateway.audit;

import io.dbchat.gateway.audit.AuditRecord.Outcome;
import java.time.Instant;
import java.util.Locale;

/**
 * A search of the audit: optional principal, datasource, outcome and asked-at range [from, to), sorted by
 * {@code recent} (newest first), {@code slowest} or {@code costly}, one page of {@code size} records.
 */
public record AuditSearch(String principal, String datasource, Instant from, Instant to, Outcome outcome,
                          Sort sort, int page, int size) {

    public static final int MAX_SIZE = 1000;

    public enum Sort { RECENT, SLOWEST, COSTLY }

    public AuditSearch {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_SIZE);
        }
        sort = sort == null ? Sort.RECENT : sort;
    }

    /** An outcome by its name in the API: answered, refused, failed, timed_out, untranslatable. */
    public static Outcome outcome(String name) {
        return name == null || name.isBlank() ? null : Outcome.valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    public static Sort sort(String name) {
        return name == null || name.isBlank() ? Sort.RECENT : Sort.valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
