package io.dbchat.conversations;

import io.dbchat.contracts.serde.Json;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The interpreter's side: writes a finished turn into its conversation's record, idempotently by query id, and
 * only while the conversation is the question's principal's and not deleted (checked in the same script). A
 * cancelled turn is written only where the query has no turn yet: it never replaces an answer that got there first.
 */
public final class ConversationRecorder {

    private final RedissonClient redis;
    private final ConversationsProperties settings;

    public ConversationRecorder(RedissonClient redis, ConversationsProperties settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** Completes with true when written, false when the conversation is not the principal's live one. */
    public CompletionStage<Boolean> record(TurnRecord turn) {
        String id = turn.conversationId();
        List<Object> keys = List.of(Keys.claim(id), Keys.record(id), Keys.order(id), Keys.answers(id),
                Keys.listOf(turn.principal()), Keys.marks(id));
        StoredTurn t = turn.turn();
        return redis.getScript(StringCodec.INSTANCE).<Long>evalAsync(RScript.Mode.READ_WRITE, Scripts.RECORD,
                RScript.ReturnType.LONG, keys, turn.principal(), id, t.queryId(), Json.MAPPER.writeValueAsString(t),
                turn.answerJson(), t.question(), Long.toString(t.askedAt().toEpochMilli()),
                Long.toString(t.answeredAt().toEpochMilli()), Long.toString(settings.retention().toMillis()),
                Integer.toString(settings.maxTurns()), t.cancelled() ? "1" : "0").thenApply(written -> written == 1L);
    }
}
