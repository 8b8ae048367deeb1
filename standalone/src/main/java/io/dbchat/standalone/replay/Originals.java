package io.dbchat.standalone.replay;

import io.dbchat.contracts.events.ConversationTurn;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.eval.ResultComparator;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.audit.AuditRecord;
import io.dbchat.gateway.audit.AuditTopic;
import io.dbchat.standalone.audit.TopicReading;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recorded queries a replay re-runs, read from the pipeline's audit topic: finished, asked in the range, of the
 * principal and datasource asked for, never a replay themselves, the earliest {@code limit}; each with the earlier
 * turns of its conversation as the translator had them (answered turns, oldest first, at most {@link #MAX_TURNS}),
 * and the rows of its answer from the results topic.
 */
final class Originals {

    /** As many earlier turns as the translator's conversation store keeps by default. */
    static final int MAX_TURNS = 10;

    /** A recorded query to re-run. */
    record Original(AuditRecord record, List<ConversationTurn> history, ResultComparator.Result rows) {

        QuestionAsked question() {
            AuditRecord r = record;
            return new QuestionAsked(QuestionAsked.VERSION, r.queryId(), r.conversationId(), r.principal(),
                    r.datasource(), r.question(), r.askedAt(), null);
        }
    }

    /** The originals, and how many in the range were left out as replays or beyond the limit. */
    record Selection(List<Original> originals, int replaysLeftOut, int beyondLimit) {
    }

    private Originals() {
    }

    static Selection select(ReplayOptions options) {
        Map<String, AuditRecord> all = new HashMap<>();
        TopicReading.readAll(options.bootstrapServers(), AuditTopic.withPrefix(options.topicPrefix()), null,
                (record, value) -> all.put(value.queryId(), value));
        List<AuditRecord> inRange = all.values().stream()
                .filter(r -> r.askedAt() != null && !r.askedAt().isBefore(options.from()) && r.askedAt().isBefore(options.to()))
                .filter(r -> options.principal() == null || options.principal().equals(r.principal()))
                .filter(r -> options.datasource() == null || options.datasource().equals(r.datasource()))
                .filter(r -> r.outcome() != null)
                .sorted(Comparator.comparing(AuditRecord::askedAt).thenComparing(AuditRecord::queryId))
                .toList();
        List<AuditRecord> chosen = inRange.stream().filter(r -> r.replayOf() == null).limit(options.limit()).toList();
        int replays = (int) inRange.stream().filter(r -> r.replayOf() != null).count();
        int beyond = (int) inRange.stream().filter(r -> r.replayOf() == null).count() - chosen.size();
        Map<String, ResultComparator.Result> rows = rows(options, chosen);
        Map<String, List<AuditRecord>> conversations = all.values().stream()
                .filter(r -> r.conversationId() != null && r.askedAt() != null && r.replayOf() == null)
                .collect(Collectors.groupingBy(AuditRecord::conversationId));
        List<Original> originals = chosen.stream()
                .map(r -> new Original(r, history(r, conversations.getOrDefault(r.conversationId(), List.of())),
                        rows.get(r.queryId())))
                .toList();
        return new Selection(originals, replays, beyond);
    }

    /** The answered turns of the conversation before this query, as the translator's store would have held them. */
    static List<ConversationTurn> history(AuditRecord query, List<AuditRecord> conversation) {
        List<ConversationTurn> turns = new ArrayList<>();
        conversation.stream()
                .filter(r -> r.askedAt().isBefore(query.askedAt()) && r.answer() != null && r.answer().reply() != null)
                .sorted(Comparator.comparing(AuditRecord::askedAt))
                .forEach(r -> turns.add(new ConversationTurn(r.question(), r.answer().sql(), r.answer().reply().strip())));
        return turns.size() <= MAX_TURNS ? turns : turns.subList(turns.size() - MAX_TURNS, turns.size());
    }

    /** The rows of the chosen queries' answers, from the results topic (read from the earliest question's time on). */
    private static Map<String, ResultComparator.Result> rows(ReplayOptions options, List<AuditRecord> chosen) {
        Map<String, ResultComparator.Result> rows = new HashMap<>();
        if (chosen.isEmpty()) {
            return rows;
        }
        Set<String> ids = chosen.stream().map(AuditRecord::queryId).collect(Collectors.toSet());
        TopicReading.readAll(options.bootstrapServers(), Topics.withPrefix(options.topicPrefix()).results(),
                chosen.getFirst().askedAt().minusSeconds(60), (record, result) -> {
                    if (result instanceof QueryAnswered a && ids.contains(a.queryId())) {
                        rows.put(a.queryId(), result(a));
                    }
                });
        return rows;
    }

    static ResultComparator.Result result(QueryAnswered a) {
        return new ResultComparator.Result(a.columns().stream().map(ColumnMeta::name).toList(), a.rows());
    }
}
