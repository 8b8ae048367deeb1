package io.dbchat.gateway.replies;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.gateway.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reply feed keeps a replayed query and its replies away from users' streams. */
class ReplayFilterTest {

    @Test
    void keepsOutAReplayAndItsRepliesAndLetsEverythingElseThrough() {
        var filter = new ReplayFilter(2);
        QuestionAsked asked = Fixtures.question("q-1");
        QuestionAsked replay = QuestionAsked.replayOf(asked, "r-1", "rc-1", Instant.EPOCH, List.of());

        assertThat(filter.admits(asked)).isTrue();
        assertThat(filter.admits(replay)).isFalse();
        assertThat(filter.admits(Fixtures.answered(replay))).isFalse();
        assertThat(filter.admits(Fixtures.answered(asked))).isTrue();
    }

    @Test
    void remembersOnlyTheNewestReplays() {
        var filter = new ReplayFilter(2);
        List<QuestionAsked> replays = List.of("r-1", "r-2", "r-3").stream()
                .map(id -> QuestionAsked.replayOf(Fixtures.question("q-" + id), id, "c", Instant.EPOCH, List.of())).toList();
        replays.forEach(filter::admits);

        List<ReplyEvent> answers = replays.stream().map(Fixtures::answered).toList();
        assertThat(filter.admits(answers.get(0))).isTrue();
        assertThat(filter.admits(answers.get(1))).isFalse();
        assertThat(filter.admits(answers.get(2))).isFalse();
    }
}
