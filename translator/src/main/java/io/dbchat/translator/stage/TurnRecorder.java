package io.dbchat.translator.stage;

import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.translator.context.Turn;
import io.dbchat.translator.context.TurnSink;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Completes conversation turns: questions are kept by query id until their terminal reply; a FINAL reply then
 * becomes a {@link Turn} (question, SQL, the answer in short) handed to the {@link TurnSink}. The FINAL carries
 * the answer and SQL but not the question's words, hence the store, which is co-partitioned by conversation.
 */
final class TurnRecorder {

    static final String STORE = "translator-open-questions";
    static final int MAX_ANSWER = 500;

    private TurnRecorder() {
    }

    /** Remembers each question until its answer arrives. */
    static final class Remember implements Processor<String, QuestionAsked, Void, Void> {

        private KeyValueStore<String, QuestionAsked> open;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            open = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, QuestionAsked> record) {
            if (record.value().isReplay()) {
                return; // a replay leaves the conversation's turns as they were
            }
            open.put(record.value().queryId(), record.value());
        }
    }

    /** Turns a FINAL reply into a recorded turn; an ERROR reply just forgets the question. */
    static final class Complete implements Processor<String, ReplyEvent, Void, Void> {

        private final TurnSink sink;
        private KeyValueStore<String, QuestionAsked> open;

        Complete(TurnSink sink) {
            this.sink = sink;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            open = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, ReplyEvent> record) {
            ReplyEvent reply = record.value();
            QuestionAsked question = open.get(reply.queryId());
            if (question == null) {
                return;
            }
            if (reply.type() == ReplyType.FINAL && reply.answer() != null) {
                sink.record(question.conversationId(), turn(question, reply.answer()),
                        question.askedAt() != null ? question.askedAt() : Instant.ofEpochMilli(record.timestamp()));
            }
            open.put(reply.queryId(), null); // a delete, without reading back the value that delete() returns
        }

        private static Turn turn(QuestionAsked question, FinalAnswer answer) {
            String text = answer.reply() == null ? "" : answer.reply().strip();
            String shortAnswer = text.length() <= MAX_ANSWER ? text : text.substring(0, MAX_ANSWER - 1) + "…";
            return new Turn(question.queryId(), question.question(), answer.sql(), shortAnswer);
        }
    }
}
