package io.dbchat.interpreter.conversation;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.serde.JsonSerde;
import io.dbchat.contracts.serde.RecentlyEncodedSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Records every FINAL the interpreter writes, answers and refusals alike, as a turn of its conversation: the
 * question is remembered when its result comes in, completed with the FINAL as it goes out, and kept in a
 * changelogged store until Redis has it, so neither a restart nor a Redis outage loses a turn. A cancelled query
 * is a turn too: its question comes with the cancellation (when the gateway knew it), completed by the ERROR
 * {@code cancelled}; it never replaces a turn already answered.
 */
public final class ConversationTurns {

    static final String STORE = "interpreter-conversation-turns";
    /** Turns whose encoding is remembered: more than a commit interval's worth of answers at a few thousand a second. */
    private static final int RECENT_TURNS = 128;

    private final TurnWrites writes;
    private final int maxRowBytes;
    private final Duration retryEvery;

    public ConversationTurns(TurnWrites writes, int maxRowBytes, Duration retryEvery) {
        this.writes = writes;
        this.maxRowBytes = maxRowBytes;
        this.retryEvery = retryEvery;
    }

    /**
     * Whether a query's turn belongs in its conversation: a question someone asked does; a replay of an earlier
     * query (an audit re-run, {@code replayOf} set) does not, and neither does one without an owner or conversation.
     */
    public static boolean belongsInConversation(QuestionAsked question) {
        return question != null && !question.isReplay() && question.principal() != null
                && question.conversationId() != null;
    }

    /** Remembers the questions of the stage's results; before the stage answers them, so first to see each one. */
    public void remember(StreamsBuilder builder, KStream<String, QueryResult> results) {
        // cached: a question and its FINAL written in one commit (every answer from templates) reach the changelog
        // as one record; the question stored here is read back from the cache by the FINAL a moment later, and the
        // serde hands back the turn it has just encoded instead of parsing it again
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                new RecentlyEncodedSerde<>(new JsonSerde<>(PendingTurn.class), RECENT_TURNS)).withCachingEnabled());
        results.filter((k, result) -> belongsInConversation(result.question()))
                .process(TurnRecording.Remember::new, Named.as("remember-turn-question"), STORE);
    }

    /**
     * Remembers the questions of cancelled queries (those the cancellation names), passing the cancellations on;
     * before the stage replies to them. The store must have been added by {@link #remember}.
     */
    public KStream<String, QueryCancelled> rememberCancelled(KStream<String, QueryCancelled> cancellations) {
        return cancellations.processValues(TurnRecording.RememberCancelled::new, Named.as("remember-cancelled-question"),
                STORE);
    }

    /** Records the turns of the FINAL replies the stage writes, and of its ERROR replies {@code cancelled}. */
    public void record(KStream<String, ReplyEvent> replies) {
        replies.filter((k, reply) -> reply.type() == ReplyType.FINAL && reply.answer() != null || isCancelled(reply))
                .process(() -> new TurnRecording.Complete(writes, maxRowBytes, retryEvery), Named.as("record-turn"), STORE);
    }

    static boolean isCancelled(ReplyEvent reply) {
        return reply.type() == ReplyType.ERROR && reply.error() != null
                && ErrorCode.CANCELLED.code().equals(reply.error().code());
    }
}
