package io.dbchat.conversations;

import io.dbchat.contracts.serde.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Reads conversation records, never writes them: a conversation's turns in short (the translator's history),
 * a conversation with its answers and marks (the gateway's view), and a principal's conversations by activity.
 * Whether the reader may see a conversation is the caller's check ({@link ConversationClaims}).
 */
public final class ConversationRecords {

    private static final List<String> SUMMARY_FIELDS = List.of("owner", "title", "created_at", "updated_at",
            "last_question");

    private final RedissonClient redis;

    public ConversationRecords(RedissonClient redis) {
        this.redis = redis;
    }

    /**
     * The newest {@code max} turns in short, oldest first, that a follow-up is read with: a cancelled question is not
     * one; none for an unknown or deleted conversation.
     */
    public CompletionStage<List<StoredTurn>> history(String conversationId, int max) {
        return record(conversationId).readAllMapAsync().thenApply(record -> {
            List<StoredTurn> turns = turns(record).stream().filter(t -> !t.cancelled()).toList();
            return turns.subList(Math.max(0, turns.size() - max), turns.size());
        });
    }

    /** The conversation with each turn's answer as first shown and its mark; empty when it has no record. */
    public CompletionStage<Optional<ConversationView>> view(String conversationId) {
        RBatch batch = redis.createBatch();
        RFuture<Map<String, String>> record = batch.<String, String>getMap(Keys.record(conversationId),
                StringCodec.INSTANCE).readAllMapAsync();
        RFuture<Map<String, String>> answers = batch.<String, String>getMap(Keys.answers(conversationId),
                StringCodec.INSTANCE).readAllMapAsync();
        RFuture<Map<String, String>> marks = batch.<String, String>getMap(Keys.marks(conversationId),
                StringCodec.INSTANCE).readAllMapAsync();
        return batch.executeAsync().thenApply(done -> {
            Map<String, String> fields = record.toCompletableFuture().join();
            if (fields.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> full = answers.toCompletableFuture().join();
            Map<String, String> verdicts = marks.toCompletableFuture().join();
            List<ViewedTurn> turns = turns(fields).stream().map(t -> viewed(t, full.get(t.queryId()),
                    verdicts.get(t.queryId()))).toList();
            return Optional.of(new ConversationView(conversationId, fields.get("title"), instant(fields.get("created_at")),
                    instant(fields.get("updated_at")), turns));
        });
    }

    /** Whether the query is a turn of the conversation. */
    public CompletionStage<Boolean> hasTurn(String conversationId, String queryId) {
        return redis.<String>getScoredSortedSet(Keys.order(conversationId), StringCodec.INSTANCE).containsAsync(queryId);
    }

    /** A page of the principal's conversations, most recently active first. */
    public CompletionStage<List<ConversationSummary>> list(String principal, int offset, int limit) {
        return redis.<String>getScoredSortedSet(Keys.listOf(principal), StringCodec.INSTANCE)
                .valueRangeReversedAsync(offset, offset + limit - 1)
                .thenCompose(ids -> summaries(principal, List.copyOf(ids)));
    }

    private CompletionStage<List<ConversationSummary>> summaries(String principal, List<String> ids) {
        RBatch batch = redis.createBatch();
        List<RFuture<Map<String, String>>> records = new ArrayList<>();
        List<RFuture<Integer>> counts = new ArrayList<>();
        for (String id : ids) {
            records.add(batch.<String, String>getMap(Keys.record(id), StringCodec.INSTANCE)
                    .getAllAsync(Set.copyOf(SUMMARY_FIELDS)));
            counts.add(batch.getScoredSortedSet(Keys.order(id), StringCodec.INSTANCE).sizeAsync());
        }
        return batch.executeAsync().thenApply(done -> {
            List<ConversationSummary> page = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Map<String, String> r = records.get(i).toCompletableFuture().join();
                // an entry whose record expired, or was taken over after its claim expired, is not listed
                if (principal.equals(r.get("owner"))) {
                    page.add(new ConversationSummary(ids.get(i), r.get("title"), r.get("last_question"),
                            instant(r.get("created_at")), instant(r.get("updated_at")),
                            counts.get(i).toCompletableFuture().join()));
                }
            }
            return page;
        });
    }

    private static List<StoredTurn> turns(Map<String, String> record) {
        return record.entrySet().stream().filter(e -> e.getKey().startsWith("turn:"))
                .map(e -> Json.MAPPER.readValue(e.getValue(), StoredTurn.class))
                .sorted(Comparator.comparing(StoredTurn::askedAt).thenComparing(StoredTurn::queryId))
                .toList();
    }

    private static ViewedTurn viewed(StoredTurn turn, String answerJson, String verdict) {
        StoredAnswer stored = answerJson == null ? null : Json.MAPPER.readValue(answerJson, StoredAnswer.class);
        return new ViewedTurn(turn.queryId(), turn.question(),
                stored == null ? turn.answer() : stored.answer().reply(), turn.sql(), turn.askedAt(), turn.outcome(),
                stored == null ? null : stored.answer(), stored != null && stored.rowsKept(), verdict, turn.datasource());
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private org.redisson.api.RMap<String, String> record(String conversationId) {
        return redis.getMap(Keys.record(conversationId), StringCodec.INSTANCE);
    }
}
