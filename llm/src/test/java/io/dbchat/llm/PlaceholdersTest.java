package io.dbchat.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void fillsEachPlaceholderWithItsValue() {
        assertThat(Placeholders.fill("Q: {{question}}\nSQL: {{sql}}", Map.of("question", "How many?", "sql", "SELECT 1")))
                .isEqualTo("Q: How many?\nSQL: SELECT 1");
    }

    @Test
    void aPlaceholderInsideAFilledValueStaysAsTyped() {
        String filled = Placeholders.fill("Q: {{question}}\nSQL: {{sql}}\nR: {{result}}", Map.of(
                "question", "Why {{sql}} and {{result}}?", "sql", "SELECT '{{question}}'", "result", "1 row"));

        assertThat(filled).isEqualTo("Q: Why {{sql}} and {{result}}?\nSQL: SELECT '{{question}}'\nR: 1 row");
    }

    @Test
    void keepsAPlaceholderWithNoValueAndReplacementCharactersLiterally() {
        assertThat(Placeholders.fill("{{a}} {{b}}", Map.of("a", "$1 \\ costs")))
                .isEqualTo("$1 \\ costs {{b}}");
    }
}
