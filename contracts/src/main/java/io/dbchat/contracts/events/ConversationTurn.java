package io.dbchat.contracts.events;

/** An earlier turn of a conversation as a replayed question carries it: what was asked, its SQL, the answer in words. */
public record ConversationTurn(String question, String sql, String answer) {
}
