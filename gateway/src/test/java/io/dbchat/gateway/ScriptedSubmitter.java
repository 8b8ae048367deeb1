package io.dbchat.gateway;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.conversations.ConversationRecorder;
import io.dbchat.conversations.TurnRecord;
import io.dbchat.gateway.query.CancelSubmitter;
import io.dbchat.gateway.query.QuestionSubmitter;
import io.dbchat.gateway.query.SqlSubmitter;
import io.dbchat.gateway.replies.ReplyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A pipeline stand-in for web slice tests: records every submitted question and, shortly after, feeds the replies its
 * script gives into the reply store, as the Kafka feed would, and records each FINAL in the conversation records, as
 * the interpreter would. A null script refuses questions.
 */
public final class ScriptedSubmitter implements QuestionSubmitter, SqlSubmitter, CancelSubmitter {

    private final ReplyStore store;
    private final ConversationRecorder conversations;
    private final List<QuestionAsked> submitted = new CopyOnWriteArrayList<>();
    private final List<SqlProposed> proposed = new CopyOnWriteArrayList<>();
    private final List<QueryCancelled> cancelled = new CopyOnWriteArrayList<>();
    private volatile Function<QuestionAsked, List<ReplyEvent>> script = q -> List.of();

    public ScriptedSubmitter(ReplyStore store, ConversationRecorder conversations) {
        this.store = store;
        this.conversations = conversations;
    }

    public void answerWith(Function<QuestionAsked, List<ReplyEvent>> script) {
        this.script = script;
    }

    public void refuse() {
        this.script = null;
    }

    public List<QuestionAsked> submitted() {
        return submitted;
    }

    /** SQL sent to run as written, past the translator. */
    public List<SqlProposed> proposed() {
        return proposed;
    }

    public List<QueryCancelled> cancelled() {
        return cancelled;
    }

    public void reset() {
        submitted.clear();
        proposed.clear();
        cancelled.clear();
        script = q -> List.of();
    }

    @Override
    public Mono<Void> submit(QuestionAsked question) {
        Function<QuestionAsked, List<ReplyEvent>> current = script;
        if (current == null) {
            return Mono.error(new IllegalStateException("broker unreachable"));
        }
        submitted.add(question);
        return replyLater(question, current.apply(question));
    }

    @Override
    public Mono<Void> submit(SqlProposed proposal) {
        Function<QuestionAsked, List<ReplyEvent>> current = script;
        if (current == null) {
            return Mono.error(new IllegalStateException("broker unreachable"));
        }
        proposed.add(proposal);
        return replyLater(proposal.question(), current.apply(proposal.question()));
    }

    /** As the interpreter does: the query ends with the ERROR reply "cancelled". */
    @Override
    public Mono<Void> submit(QueryCancelled cancellation) {
        cancelled.add(cancellation);
        return replyLater(null, List.of(new ReplyEvent(ReplyEvent.VERSION, cancellation.queryId(), cancellation.conversationId(),
                ReplySeq.CANCELLED, ReplyType.ERROR, null, null, null,
                ErrorCode.CANCELLED.problem("The question was cancelled."), cancellation.at())));
    }

    private Mono<Void> replyLater(QuestionAsked question, List<ReplyEvent> replies) {
        Schedulers.parallel().schedule(() -> replies.forEach(r -> {
            store.onReply(r);
            if (question != null && r.type() == ReplyType.FINAL) {
                conversations.record(TurnRecord.of(question, r.answer(), Instant.now(), 1 << 20)).toCompletableFuture().join();
            }
        }), 20, TimeUnit.MILLISECONDS);
        return Mono.delay(Duration.ofMillis(1)).then();
    }
}
