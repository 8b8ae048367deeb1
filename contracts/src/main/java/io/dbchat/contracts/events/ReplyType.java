package io.dbchat.contracts.events;

/** The kinds of reply a subscriber sees, in the order they may arrive. */
public enum ReplyType {
    STATUS, TOKEN, FINAL, ERROR;

    public boolean isTerminal() {
        return this == FINAL || this == ERROR;
    }
}
