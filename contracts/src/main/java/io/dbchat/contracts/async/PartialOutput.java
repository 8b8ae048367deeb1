package io.dbchat.contracts.async;

import java.util.List;

/**
 * What a streaming call's request shows before its outcome: a record when the request is taken in, and the parts
 * its call reports, batched by a {@link Buffer} and forwarded on the stream thread as they accumulate, numbered
 * from 1 for every call (so a call issued again after a restart numbers its records the same way).
 */
public interface PartialOutput<I, P, O> {

    /** The record to forward when a request is taken in (never for a redelivery of a pending one), or null. */
    O accepted(I input);

    /** A fresh buffer for the parts of one call of {@code input}. */
    Buffer<P> buffer(I input);

    /** The {@code n}-th partial record (from 1) of the call for {@code input}, carrying one batch. */
    O partial(I input, int n, P batch);

    /** Batches a call's parts; used on the stream thread only. */
    interface Buffer<P> {

        void add(P part, long now);

        /** The batches due at {@code now}, oldest first; all that is left once the call has {@code finished}. */
        List<P> due(long now, boolean finished);
    }
}
