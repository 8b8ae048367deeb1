package io.dbchat.gateway.conversations;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.replies.ReplyListener;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations as derived from the questions and replies every gateway instance reads: owner (the
 * principal of the first question), title and turns. Bounded: at most {@code maxConversations}, the least
 * recently active leaving first, and the latest {@code maxTurns} turns of each. One lock guards it all.
 */
public class ConversationIndex implements ReplyListener {

    private static final int MAX_REPLY_CHARS = 4000;

    private final ConversationsProperties properties;
    /** In order of last activity, least recent first. */
    private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, String> conversationOfQuery = new HashMap<>();

    public ConversationIndex(ConversationsProperties properties) {
        this.properties = properties;
    }

    /** The owner of a query and its conversation, if the query is known. */
    public record QueryOwner(String queryId, String conversationId, String principal) {
    }

    @Override
    public synchronized void onQuestion(QuestionAsked q) {
        if (conversationOfQuery.containsKey(q.queryId())) {
            return;
        }
        // a question written before principals were recorded belongs to nobody in particular
        String principal = q.principal() == null ? PrincipalResolver.ANONYMOUS : q.principal();
        Conversation c = conversations.get(q.conversationId());
        if (c == null) {
            evictIfFull();
            c = new Conversation(q.conversationId(), principal, q.question());
            conversations.put(q.conversationId(), c);
        } else if (!c.principal.equals(principal)) {
            // a conversation belongs to whoever started it; another principal's question does not join it
            return;
        }
        conversationOfQuery.put(q.queryId(), q.conversationId());
        c.add(new Turn(q.queryId(), q.question(), null, null, q.askedAt(), "pending"), q.askedAt(), properties.maxTurns())
                .ifPresent(conversationOfQuery::remove);
    }

    @Override
    public synchronized void onReply(ReplyEvent r) {
        String conversationId = conversationOfQuery.get(r.queryId());
        Conversation c = conversationId == null ? null : conversations.get(conversationId);
        if (c != null) {
            c.update(r);
        }
    }

    public synchronized Optional<String> ownerOfConversation(String conversationId) {
        Conversation c = conversations.get(conversationId);
        return c == null ? Optional.empty() : Optional.of(c.principal);
    }

    public synchronized Optional<QueryOwner> ownerOfQuery(String queryId) {
        String conversationId = conversationOfQuery.get(queryId);
        Conversation c = conversationId == null ? null : conversations.get(conversationId);
        return c == null ? Optional.empty() : Optional.of(new QueryOwner(queryId, conversationId, c.principal));
    }

    /** The principal's conversations, most recently active first. */
    public synchronized List<ConversationSummary> of(String principal) {
        return conversations.values().stream().filter(c -> c.principal.equals(principal))
                .map(Conversation::summary)
                .sorted(Comparator.comparing(ConversationSummary::updatedAt).reversed())
                .toList();
    }

    public synchronized Optional<ConversationView> view(String conversationId) {
        Conversation c = conversations.get(conversationId);
        return c == null ? Optional.empty() : Optional.of(new ConversationView(c.id, List.copyOf(c.turns)));
    }

    public synchronized void remove(String conversationId) {
        Conversation gone = conversations.remove(conversationId);
        if (gone != null) {
            gone.turns.forEach(t -> conversationOfQuery.remove(t.queryId()));
        }
    }

    public synchronized int size() {
        return conversations.size();
    }

    private void evictIfFull() {
        if (conversations.size() >= properties.maxConversations()) {
            remove(conversations.keySet().iterator().next());
        }
    }

    /** Not thread-safe: the index's lock guards it. */
    private static final class Conversation {
        private final String id;
        private final String principal;
        private final String title;
        private final ArrayDeque<Turn> turns = new ArrayDeque<>();
        private Instant updatedAt = Instant.EPOCH;
        private int queryCount;

        Conversation(String id, String principal, String firstQuestion) {
            this.id = id;
            this.principal = principal;
            this.title = firstQuestion.strip();
        }

        /** Adds a turn; returns the query id of a turn that had to leave to keep the bound. */
        Optional<String> add(Turn turn, Instant at, int maxTurns) {
            turns.addLast(turn);
            queryCount++;
            updatedAt = at.isAfter(updatedAt) ? at : updatedAt;
            return turns.size() > maxTurns ? Optional.of(turns.removeFirst().queryId()) : Optional.empty();
        }

        void update(ReplyEvent r) {
            List<Turn> copy = new ArrayList<>(turns);
            for (int i = 0; i < copy.size(); i++) {
                Turn t = copy.get(i);
                if (t.queryId().equals(r.queryId()) && !t.status().equals("answered") && !t.status().equals("failed")) {
                    copy.set(i, updated(t, r));
                }
            }
            turns.clear();
            turns.addAll(copy);
            updatedAt = r.at() != null && r.at().isAfter(updatedAt) ? r.at() : updatedAt;
        }

        private static Turn updated(Turn t, ReplyEvent r) {
            if (r.type() == ReplyType.FINAL && r.answer() != null) {
                return t.withReply(shortened(r.answer().reply()), r.answer().sql(), "answered");
            }
            if (r.type() == ReplyType.ERROR) {
                return t.withReply(r.error() == null ? null : shortened(r.error().message()), t.sql(), "failed");
            }
            return t.withReply(t.reply(), t.sql(), "working");
        }

        private static String shortened(String text) {
            return text == null || text.length() <= MAX_REPLY_CHARS ? text : text.substring(0, MAX_REPLY_CHARS) + "…";
        }

        ConversationSummary summary() {
            return new ConversationSummary(id, title, turns.getLast().question(), updatedAt, queryCount);
        }
    }
}
