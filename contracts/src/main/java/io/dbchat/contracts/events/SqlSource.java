package io.dbchat.contracts.events;

/**
 * Where a proposed SQL came from: {@link #MODEL} (a model call), {@link #RULES} (the offline translator's rules),
 * {@link #EXAMPLE} (an approved verified example, {@code entryId} naming it, literals re-bound where the question's
 * differ), {@link #CACHE} (the SQL of an earlier question that meant the same, {@code cachedQueryId} naming it) or
 * {@link #USER} (written by a person). {@code note} says in words what was done, such as "re-bound 2023 for 2024".
 */
public record SqlSource(String kind, String entryId, String cachedQueryId, String note) {

    public static final String MODEL = "model";
    public static final String RULES = "rules";
    public static final String EXAMPLE = "example";
    public static final String CACHE = "cache";
    public static final String USER = "user";

    public static SqlSource model() {
        return new SqlSource(MODEL, null, null, null);
    }

    public static SqlSource rules() {
        return new SqlSource(RULES, null, null, null);
    }

    public static SqlSource example(String entryId, String note) {
        return new SqlSource(EXAMPLE, entryId, null, note);
    }

    public static SqlSource cache(String cachedQueryId, String entryId, String note) {
        return new SqlSource(CACHE, entryId, cachedQueryId, note);
    }
}
