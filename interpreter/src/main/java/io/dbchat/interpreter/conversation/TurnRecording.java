package io.dbchat.interpreter.conversation;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.conversations.TurnRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The two ends of {@link ConversationTurns}: remembering a question (from its result or its cancellation), and
 * writing its turn once answered (or cancelled).
 */
final class TurnRecording {

    private TurnRecording() {
    }

    /** Remembers the question of each result, by query id, until its FINAL. */
    static final class Remember implements Processor<String, QueryResult, Void, Void> {

        private KeyValueStore<String, PendingTurn> pending;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            pending = context.getStateStore(ConversationTurns.STORE);
        }

        @Override
        public void process(Record<String, QueryResult> record) {
            QueryResult result = record.value();
            if (pending.get(result.queryId()) == null) {
                pending.put(result.queryId(), new PendingTurn(result.question(), null, null));
            }
        }
    }

    /** Remembers the question a cancellation carries, unless its result brought it first; passes it on. */
    static final class RememberCancelled implements FixedKeyProcessor<String, QueryCancelled, QueryCancelled> {

        private FixedKeyProcessorContext<String, QueryCancelled> context;
        private KeyValueStore<String, PendingTurn> pending;

        @Override
        public void init(FixedKeyProcessorContext<String, QueryCancelled> context) {
            this.context = context;
            pending = context.getStateStore(ConversationTurns.STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, QueryCancelled> record) {
            QueryCancelled cancelled = record.value();
            if (ConversationTurns.belongsInConversation(cancelled.question())
                    && cancelled.question().queryId().equals(cancelled.queryId())
                    && pending.get(cancelled.queryId()) == null) {
                pending.put(cancelled.queryId(), new PendingTurn(cancelled.question(), null, null));
            }
            context.forward(record);
        }
    }

    /**
     * Completes a remembered question with its FINAL and writes the turn without blocking the stream thread; a
     * turn leaves the store only once written (or refused as not the principal's), and a wall-clock punctuator
     * writes again what is waiting, also what a previous run of the task left. Finished writes leave the store at
     * the next record or loop of the stream thread, so a turn Redis has before the task's commit reaches the
     * changelog as a tombstone only, not as the question and answer it has already been written as.
     */
    static final class Complete implements Processor<String, ReplyEvent, Void, Void> {

        /**
         * How often finished writes are looked for between records: a wall-clock punctuation runs at most once a
         * loop of the stream thread, so this is in effect every loop.
         */
        private static final Duration SETTLE_EVERY = Duration.ofMillis(1);

        private final TurnWrites writes;
        private final int maxRowBytes;
        private final Duration retryEvery;
        /** Query ids whose write is under way; touched by the stream thread only. */
        private final Set<String> writing = new HashSet<>();
        /** Query ids whose write finished, handed from Redis threads to the stream thread. */
        private final Queue<String> written = new ConcurrentLinkedQueue<>();
        private final Queue<String> failed = new ConcurrentLinkedQueue<>();
        private KeyValueStore<String, PendingTurn> pending;

        Complete(TurnWrites writes, int maxRowBytes, Duration retryEvery) {
            this.writes = writes;
            this.maxRowBytes = maxRowBytes;
            this.retryEvery = retryEvery;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            pending = context.getStateStore(ConversationTurns.STORE);
            context.schedule(SETTLE_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> settle());
            context.schedule(retryEvery, PunctuationType.WALL_CLOCK_TIME, now -> retry());
        }

        @Override
        public void process(Record<String, ReplyEvent> record) {
            settle();
            ReplyEvent reply = record.value();
            PendingTurn turn = pending.get(reply.queryId());
            if (turn == null || turn.ready()) {
                return; // not a conversation's turn, or a FINAL seen again while its write is under way
            }
            FinalAnswer answer = reply.answer() != null ? reply.answer() : cancelledAnswer(reply.error());
            PendingTurn answered = turn.answered(answer,
                    reply.at() == null ? Instant.ofEpochMilli(record.timestamp()) : reply.at());
            pending.put(reply.queryId(), answered);
            write(reply.queryId(), answered);
        }

        /** What a cancelled turn shows again: the sentence saying it was cancelled, and no rows. */
        private static FinalAnswer cancelledAnswer(Problem cancelled) {
            return new FinalAnswer(cancelled.message(), null, List.of(), List.of(), 0, false, null, null, cancelled);
        }

        private void write(String queryId, PendingTurn turn) {
            writing.add(queryId);
            writes.write(TurnRecord.of(turn.question(), turn.answer(), turn.answeredAt(), maxRowBytes))
                    .whenComplete((ok, error) -> (error == null ? written : failed).add(queryId));
        }

        /** Takes the written turns out of the store and lets failed ones be written again. */
        private void settle() {
            for (String queryId; (queryId = written.poll()) != null; ) {
                writing.remove(queryId);
                pending.put(queryId, null); // a delete, without reading back the value that delete() returns
            }
            for (String queryId; (queryId = failed.poll()) != null; ) {
                writing.remove(queryId);
            }
        }

        private void retry() {
            settle();
            try (var all = pending.all()) {
                all.forEachRemaining(kv -> {
                    if (kv.value.ready() && !writing.contains(kv.key)) {
                        write(kv.key, kv.value);
                    }
                });
            }
        }
    }
}
