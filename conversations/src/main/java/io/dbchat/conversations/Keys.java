package io.dbchat.conversations;

import java.util.List;

/**
 * Where a conversation lives in Redis. Its keys share the hash tag {@code {id}}, so the scripts that touch them
 * together stay on one node of a cluster; the per-principal list is apart.
 */
final class Keys {

    private static final String PREFIX = "dbchat:conversation:";

    private Keys() {
    }

    /** The gateway's: who owns the conversation since when, and whether it was deleted. */
    static String claim(String id) {
        return PREFIX + "{" + id + "}:claim";
    }

    /** The interpreter's: title, times, and each turn in short ({@code turn:<queryId>}). */
    static String record(String id) {
        return PREFIX + "{" + id + "}";
    }

    /** The interpreter's: the turns' query ids by time asked. */
    static String order(String id) {
        return PREFIX + "{" + id + "}:order";
    }

    /** The interpreter's: each turn's answer as first shown, rows included up to the size limit. */
    static String answers(String id) {
        return PREFIX + "{" + id + "}:answers";
    }

    /** The gateway's: the owner's right / wrong mark on each turn. */
    static String marks(String id) {
        return PREFIX + "{" + id + "}:marks";
    }

    /** The interpreter's: a principal's conversation ids scored by last activity (epoch millis). */
    static String listOf(String principal) {
        return "dbchat:conversations:of:" + principal;
    }

    static String turnField(String queryId) {
        return "turn:" + queryId;
    }

    /** The keys a delete erases, after the claim. */
    static List<Object> all(String id) {
        return List.of(claim(id), record(id), order(id), answers(id), marks(id));
    }
}
