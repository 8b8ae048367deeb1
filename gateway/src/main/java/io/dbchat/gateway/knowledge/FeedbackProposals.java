package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.conversations.ViewedTurn;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.knowledge.KnowledgeAccess.Caller;
import io.dbchat.gateway.replies.QueryView;
import io.dbchat.gateway.replies.ReplySource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The feedback loop's proposals, made from a judged answer and kept by the answer's query id, so a query proposes
 * each of them once: an answer marked right proposes its question and SQL as a verified example
 * ({@code right-<query id>}); one marked wrong proposes the SQL the person gave as an example
 * ({@code fix-<query id>}, refused at the door like any entry when the guard refuses it) and the note as a doc entry
 * about the question ({@code note-<query id>}). An answer from an approved example, or from the cache of an answer
 * already proposed as one, proposes nothing when marked right: the example exists. The answer is read from this
 * instance's view of the query, else from its conversation's record.
 */
@Component
public class FeedbackProposals {

    /** The verdict and what came with it. */
    public record Judgement(String verdict, String correctedSql, String note) {
    }

    /** What an answer was: its question, SQL (null when it had none), datasource and where its SQL came from. */
    record Answered(String question, String sql, String datasource, SqlSource source) {
    }

    private final Knowledge knowledge;
    private final ReplySource replies;
    private final Conversations conversations;
    private final Clock clock;

    FeedbackProposals(Knowledge knowledge, ReplySource replies, Conversations conversations, Clock clock) {
        this.knowledge = knowledge;
        this.replies = replies;
        this.conversations = conversations;
        this.clock = clock;
    }

    /**
     * Proposes what the judgement teaches, and emits the entries written (none already proposed for this query). A
     * correction the guard refuses fails with its 400; a right mark on SQL the guard now refuses proposes nothing.
     */
    public Flux<KnowledgeEntry> propose(Caller caller, String queryId, String conversationId, Judgement judgement) {
        return answered(caller.name(), queryId, conversationId)
                .flatMapMany(answer -> Flux.fromIterable(entries(caller.name(), queryId, answer, judgement)))
                .concatMap(entry -> {
                    Mono<KnowledgeEntry> proposed = knowledge.propose(caller, entry);
                    return entry.id().startsWith("right-") ? proposed.onErrorResume(refused -> Mono.empty()) : proposed;
                });
    }

    List<KnowledgeEntry> entries(String principal, String queryId, Answered answer, Judgement judgement) {
        List<KnowledgeEntry> out = new ArrayList<>();
        if ("right".equals(judgement.verdict())) {
            if (answer.sql() != null && !fromKnownExample(answer)) {
                out.add(KnowledgeEntry.example(answer.datasource(), "right-" + queryId, KnowledgeEntry.PROPOSED, principal,
                        clock.instant(), answer.question(), answer.sql(), queryId));
            }
            return out;
        }
        if (blank(judgement.correctedSql()) == null && blank(judgement.note()) == null) {
            return out;
        }
        if (blank(judgement.correctedSql()) != null) {
            out.add(KnowledgeEntry.example(answer.datasource(), "fix-" + queryId, KnowledgeEntry.PROPOSED, principal,
                    clock.instant(), answer.question(), judgement.correctedSql().strip(), queryId));
        }
        if (blank(judgement.note()) != null) {
            KnowledgeEntry doc = KnowledgeEntry.doc(answer.datasource(), "note-" + queryId, KnowledgeEntry.PROPOSED,
                    principal, clock.instant(), null, null, judgement.note().strip());
            out.add(new KnowledgeEntry(doc.v(), doc.datasource(), doc.id(), doc.kind(), doc.status(), doc.author(),
                    doc.at(), answer.question(), null, null, List.of(), null, null, null, null, null, doc.note(), null,
                    queryId, doc.revision()));
        }
        return out;
    }

    /**
     * Whether the answer's SQL came from an example the team has: an approved one, or the cache of an answer that was
     * proposed (or approved) as one. Marking it right teaches nothing new, so it proposes nothing.
     */
    private boolean fromKnownExample(Answered answer) {
        SqlSource source = answer.source();
        if (source == null) {
            return false;
        }
        return SqlSource.EXAMPLE.equals(source.kind()) || SqlSource.CACHE.equals(source.kind())
                && (source.entryId() != null || source.cachedQueryId() != null
                && knowledge.proposedFrom(answer.datasource(), source.cachedQueryId()));
    }

    /** The answer judged, when it was an answer with a question. */
    private Mono<Answered> answered(String principal, String queryId, String conversationId) {
        Optional<Answered> here = replies.find(queryId).flatMap(FeedbackProposals::answered);
        if (here.isPresent()) {
            return Mono.just(here.get());
        }
        return conversations.view(principal, conversationId).onErrorResume(e -> Mono.empty())
                .flatMap(view -> Mono.justOrEmpty(view.turns().stream().filter(t -> queryId.equals(t.queryId()))
                        .findFirst().flatMap(FeedbackProposals::answered)));
    }

    private static Optional<Answered> answered(QueryView view) {
        if (view.question() == null) {
            return Optional.empty();
        }
        return view.terminal().map(ReplyEvent::answer).filter(a -> a.problem() == null)
                .map(a -> new Answered(view.question().question(), blank(a.sql()), view.question().datasource(),
                        a.source()));
    }

    private static Optional<Answered> answered(ViewedTurn turn) {
        FinalAnswer answer = turn.answer();
        if (turn.question() == null || turn.datasource() == null || answer == null || answer.problem() != null) {
            return Optional.empty();
        }
        return Optional.of(new Answered(turn.question(), blank(turn.sql()), turn.datasource(), answer.source()));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
