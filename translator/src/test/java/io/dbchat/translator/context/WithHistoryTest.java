package io.dbchat.translator.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ConversationTurn;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.translator.Fixtures;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A replayed question is translated with the turns it carries, and the first question of a conversation with none;
 * the conversation store is asked only for a question that carries no history.
 */
class WithHistoryTest {

    @Test
    void theQuestionThatOpenedItsConversationIsTranslatedWithoutReadingTheStore() {
        AtomicReference<TranslationRequest> seen = new AtomicReference<>();
        var translator = withoutStore(seen);
        QuestionAsked opening = Fixtures.ask("q-1", "c-1", "How many users are there?").openingItsConversation();

        translator.translate(TranslationRequest.first(opening, null, List.of()));

        assertThat(opening.isReplay()).isFalse();
        assertThat(seen.get().history()).isEmpty();
    }

    @Test
    void aReplayIsTranslatedWithTheTurnsItsOriginalHad() {
        AtomicReference<TranslationRequest> seen = new AtomicReference<>();
        var translator = withoutStore(seen);
        QuestionAsked original = Fixtures.ask("q-9", "c-9", "and per team?");
        QuestionAsked replay = QuestionAsked.replayOf(original, "r-1", "rc-1", Instant.EPOCH,
                List.of(new ConversationTurn("How many users are there?", "SELECT count(*) FROM users", "There are 600 users.")));

        translator.translate(TranslationRequest.first(replay, null, List.of()));

        assertThat(replay.isReplay()).isTrue();
        assertThat(replay.replayOf()).isEqualTo("q-9");
        assertThat(seen.get().history()).containsExactly(
                new Turn(null, "How many users are there?", "SELECT count(*) FROM users", "There are 600 users."));
    }

    /** A translator that keeps the request it was given, with no store at all: reading it would fail the test. */
    private static WithHistory withoutStore(AtomicReference<TranslationRequest> seen) {
        return new WithHistory(request -> {
            seen.set(request);
            return new Translation.Sql("SELECT 1", TranslatorInfo.offline("t"), Usage.NONE);
        }, null);
    }
}
