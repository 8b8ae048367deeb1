package io.dbchat.interpreter.stage;

import io.dbchat.contracts.async.PartialOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Batches streamed tokens into TOKEN replies: a batch leaves once it holds {@code batchSize} tokens, or once its
 * oldest token has waited {@code maxWaitMs}, or when the answer is finished. Used on the stream thread only.
 */
final class TokenBuffer implements PartialOutput.Buffer<String> {

    private final int batchSize;
    private final long maxWaitMs;
    private final List<String> tokens = new ArrayList<>();
    private long oldestAt;

    TokenBuffer(int batchSize, long maxWaitMs) {
        this.batchSize = batchSize;
        this.maxWaitMs = maxWaitMs;
    }

    @Override
    public void add(String token, long now) {
        if (token == null || token.isEmpty()) {
            return;
        }
        if (tokens.isEmpty()) {
            oldestAt = now;
        }
        tokens.add(token);
    }

    /** The batches due at {@code now}, oldest first; what is not yet due stays buffered. */
    @Override
    public List<String> due(long now, boolean finished) {
        List<String> batches = new ArrayList<>();
        while (tokens.size() >= batchSize) {
            List<String> batch = tokens.subList(0, batchSize);
            batches.add(String.join("", batch));
            batch.clear();
        }
        if (!tokens.isEmpty() && (finished || now - oldestAt >= maxWaitMs)) {
            batches.add(String.join("", tokens));
            tokens.clear();
        }
        return batches;
    }
}
