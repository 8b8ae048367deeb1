package io.dbchat.translator.context;

/** One completed turn of a conversation: what was asked, the SQL that answered it, and the answer in short. */
public record Turn(String queryId, String question, String sql, String answer) {
}
