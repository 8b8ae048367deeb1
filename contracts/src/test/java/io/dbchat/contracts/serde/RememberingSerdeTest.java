package io.dbchat.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.contracts.events.QuestionAsked;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RememberingSerdeTest {

    static final QuestionAsked FIRST = QuestionAsked.of("q1", "c1", "alice", "demo", "How many users?", Instant.EPOCH);
    static final QuestionAsked SECOND = QuestionAsked.of("q2", "c1", "alice", "demo", "And teams?", Instant.EPOCH);

    final RememberingSerde<QuestionAsked> serde = new RememberingSerde<>(new JsonSerde<>(QuestionAsked.class), 2);

    @Test
    void anUnchangedPayloadIsDecodedOnceAndSharedThereafter() {
        byte[] bytes = serde.serializer().serialize("t", FIRST);

        QuestionAsked once = serde.deserialize("t", bytes);
        QuestionAsked again = serde.deserialize("t", bytes.clone());

        assertThat(once).isEqualTo(FIRST);
        assertThat(again).isSameAs(once);
    }

    @Test
    void aChangedPayloadIsDecodedAnew() {
        QuestionAsked first = serde.deserialize("t", serde.serializer().serialize("t", FIRST));
        QuestionAsked second = serde.deserialize("t", serde.serializer().serialize("t", SECOND));

        assertThat(first).isEqualTo(FIRST);
        assertThat(second).isEqualTo(SECOND);
    }

    @Test
    void aPayloadChangedAfterReadingIsNotMistakenForTheOneRead() {
        byte[] bytes = serde.serializer().serialize("t", FIRST);
        serde.deserialize("t", bytes);
        byte[] edited = new String(bytes, StandardCharsets.UTF_8).replace("\"q1\"", "\"q9\"").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(edited, 0, bytes, 0, bytes.length);

        assertThat(serde.deserialize("t", bytes).queryId()).isEqualTo("q9");
    }

    @Test
    void beyondItsCapacityItForgetsAndStillDecodesCorrectly() {
        for (int i = 0; i < 5; i++) {
            var q = QuestionAsked.of("q" + i, "c1", "alice", "demo", "question " + i, Instant.EPOCH);
            assertThat(serde.deserialize("t", serde.serializer().serialize("t", q))).isEqualTo(q);
        }
        byte[] first = serde.serializer().serialize("t", FIRST);
        assertThat(serde.deserialize("t", first)).isEqualTo(FIRST);
    }

    @Test
    void tombstonesAndGarbledPayloadsBehaveAsTheInnerSerdes() {
        assertThat(serde.deserialize("t", null)).isNull();
        assertThatThrownBy(() -> serde.deserialize("t", "{nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> new RememberingSerde<>(new JsonSerde<>(QuestionAsked.class), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
