package io.dbchat.gateway.replies;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps replayed queries out of users' streams: a question that {@link QuestionAsked#isReplay() is a replay} is
 * remembered (the newest {@code capacity} of them) and neither it nor its replies reach the reply store or the
 * conversations. Replays normally run in a namespace of their own; this holds if one is published on these topics.
 */
final class ReplayFilter {

    private final Set<String> replays;

    ReplayFilter(int capacity) {
        this.replays = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }

    /** True when the question may be seen by users; a replay is remembered and kept out. */
    boolean admits(QuestionAsked question) {
        if (question.isReplay()) {
            replays.add(question.queryId());
            return false;
        }
        return true;
    }

    boolean admits(ReplyEvent reply) {
        return !replays.contains(reply.queryId());
    }
}
