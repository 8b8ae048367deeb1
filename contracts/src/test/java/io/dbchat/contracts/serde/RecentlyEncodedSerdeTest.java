package io.dbchat.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.QuestionAsked;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentlyEncodedSerdeTest {

    static final QuestionAsked FIRST = QuestionAsked.of("q1", "c1", "alice", "demo", "How many users?", Instant.EPOCH);
    static final QuestionAsked SECOND = QuestionAsked.of("q2", "c1", "alice", "demo", "And teams?", Instant.EPOCH);
    static final QuestionAsked THIRD = QuestionAsked.of("q3", "c1", "alice", "demo", "And projects?", Instant.EPOCH);

    final RecentlyEncodedSerde<QuestionAsked> serde = new RecentlyEncodedSerde<>(new JsonSerde<>(QuestionAsked.class), 2);

    @Test
    void theArrayItHasJustEncodedIsReadBackAsTheValueItself() {
        byte[] bytes = serde.serializer().serialize("t", FIRST);

        assertThat(serde.deserializer().deserialize("t", bytes)).isSameAs(FIRST);
    }

    @Test
    void anotherArrayOfTheSameContentIsDecoded() {
        byte[] bytes = serde.serializer().serialize("t", FIRST);

        QuestionAsked read = serde.deserializer().deserialize("t", bytes.clone());

        assertThat(read).isEqualTo(FIRST).isNotSameAs(FIRST);
    }

    @Test
    void anArrayEncodedLongerAgoThanItsCapacityIsDecoded() {
        byte[] first = serde.serializer().serialize("t", FIRST);
        serde.serializer().serialize("t", SECOND);
        byte[] third = serde.serializer().serialize("t", THIRD);

        assertThat(serde.deserializer().deserialize("t", first)).isEqualTo(FIRST).isNotSameAs(FIRST);
        assertThat(serde.deserializer().deserialize("t", third)).isSameAs(THIRD);
    }

    @Test
    void nullIsNullBothWays() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
