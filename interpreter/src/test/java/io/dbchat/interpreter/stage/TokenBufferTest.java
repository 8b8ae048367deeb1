package io.dbchat.interpreter.stage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBufferTest {

    final TokenBuffer buffer = new TokenBuffer(3, 50);

    @Test
    void holdsTokensUntilTheOldestHasWaitedLongEnough() {
        buffer.add("a", 100);
        buffer.add("b", 120);

        assertThat(buffer.due(149, false)).isEmpty();
        assertThat(buffer.due(150, false)).containsExactly("ab");
        assertThat(buffer.due(500, false)).isEmpty();
    }

    @Test
    void sendsFullBatchesAtOnceAndKeepsTheRestWaiting() {
        for (String t : new String[] {"1", "2", "3", "4", "5", "6", "7"}) {
            buffer.add(t, 0);
        }

        assertThat(buffer.due(10, false)).containsExactly("123", "456");
        assertThat(buffer.due(60, false)).containsExactly("7");
    }

    @Test
    void flushesWhatIsLeftWhenTheAnswerIsFinishedAndSkipsEmptyTokens() {
        buffer.add("", 0);
        buffer.add("x", 0);

        assertThat(buffer.due(1, true)).containsExactly("x");
    }
}
