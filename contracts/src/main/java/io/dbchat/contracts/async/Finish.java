package io.dbchat.contracts.async;

/**
 * Turns a call's input and how it ended (its result, or its failure) into the record to forward, knowing how
 * many partial records were forwarded before it.
 */
@FunctionalInterface
public interface Finish<I, X, O> {

    O apply(I input, X ended, int partials);
}
