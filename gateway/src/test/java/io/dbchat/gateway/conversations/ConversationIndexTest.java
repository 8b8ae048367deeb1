package io.dbchat.gateway.conversations;

import static io.dbchat.gateway.Fixtures.NOW;
import static io.dbchat.gateway.Fixtures.answered;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.QuestionAsked;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversationIndexTest {

    private static QuestionAsked asked(String queryId, String conversationId, String principal, int minute) {
        return QuestionAsked.of(queryId, conversationId, principal, "default", "Question " + queryId,
                NOW.plus(Duration.ofMinutes(minute)));
    }

    @Test
    void keepsAtMostMaxConversationsDroppingTheLeastRecentlyActive() {
        var index = new ConversationIndex(new ConversationsProperties(2, 10, Duration.ofDays(1)));
        index.onQuestion(asked("q1", "c1", "alice", 1));
        index.onQuestion(asked("q2", "c2", "alice", 2));
        index.onQuestion(asked("q3", "c1", "alice", 3));

        index.onQuestion(asked("q4", "c3", "alice", 4));

        assertThat(index.of("alice")).extracting(ConversationSummary::conversationId).containsExactly("c3", "c1");
        assertThat(index.ownerOfQuery("q2")).isEmpty();
    }

    @Test
    void keepsTheLatestMaxTurnsButCountsAllAndKeepsTheFirstQuestionAsTitle() {
        var index = new ConversationIndex(new ConversationsProperties(10, 2, Duration.ofDays(1)));
        for (int i = 1; i <= 3; i++) {
            index.onQuestion(asked("q" + i, "c1", "alice", i));
        }

        assertThat(index.view("c1").orElseThrow().turns()).extracting(Turn::queryId).containsExactly("q2", "q3");
        ConversationSummary summary = index.of("alice").getFirst();
        assertThat(summary.title()).isEqualTo("Question q1");
        assertThat(summary.queryCount()).isEqualTo(3);
        assertThat(index.ownerOfQuery("q1")).isEmpty();
    }

    @Test
    void belongsToWhoeverStartedItAndIgnoresAnotherPrincipalsQuestion() {
        var index = new ConversationIndex(ConversationsProperties.defaults());
        index.onQuestion(asked("q1", "c1", "alice", 1));
        index.onQuestion(asked("q2", "c1", "bob", 2));

        assertThat(index.ownerOfConversation("c1")).contains("alice");
        assertThat(index.ownerOfQuery("q2")).isEmpty();
        assertThat(index.of("bob")).isEmpty();
    }

    @Test
    void recordsTheAnswerOfATurn() {
        var index = new ConversationIndex(ConversationsProperties.defaults());
        QuestionAsked q = asked("q1", "c1", "alice", 1);
        index.onQuestion(q);
        index.onReply(answered(q));

        Turn turn = index.view("c1").orElseThrow().turns().getFirst();
        assertThat(turn.status()).isEqualTo("answered");
        assertThat(turn.reply()).isEqualTo("There are 42 orders.");
        assertThat(turn.sql()).startsWith("SELECT count(*)");
    }
}
