package io.dbchat.interpreter.narrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.interpreter.InterpreterProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpretPromptTest {

    static final String SQL = PromptFixtures.SQL;

    @Test
    void sendsTheQuestionTheSqlTheShapeAndTheFirstRows() {
        var messages = prompt(false, Map.of()).messages(result("hr"));

        assertThat(messages.getFirst()).isInstanceOf(SystemMessage.class);
        assertThat(((SystemMessage) messages.getFirst()).text()).contains("plain language", "Never invent");
        String user = user(messages);
        assertThat(user).contains("Question: Who earns what?", SQL,
                "Columns: full_name (text), email (text), salary (numeric), hired_on (date)", "Rows: 3",
                "Ada Lovelace | ada@example.com | 123456.78 | 2021-04-01",
                "salary: 3 values, 0 empty, 3 distinct, min 45,000.12, max 123,456.78, average 89,074.11");
    }

    @Test
    void inPrivacyModeSendsOnlyShapeAndRoundedSummariesNeverARowValue() {
        String user = user(prompt(true, Map.of()).messages(result("hr")));

        assertThat(user).contains("Privacy mode", "Rows: 3", "full_name: 3 values, 0 empty, 3 distinct",
                "salary: 3 values, 0 empty, 3 distinct, min about 45,000, max about 120,000, average about 89,000");
        assertThat(user).doesNotContain(rowValues());
    }

    @Test
    void privacyIsChosenPerDatasourceOverTheDefault() {
        var settings = prompt(false, Map.of("hr", true));

        assertThat(user(settings.messages(result("hr")))).doesNotContain(rowValues());
        assertThat(user(settings.messages(result("sales")))).contains("Ada Lovelace");
        assertThat(user(prompt(true, Map.of("sales", false)).messages(result("sales")))).contains("Ada Lovelace");
    }

    @Test
    void aQuestionQuotingThePlaceholdersIsSentAsTypedAndEachPartOnlyInItsPlace() {
        var answered = PromptFixtures.employees("hr", "Explain {{sql}} with {{result}} and {{rows}}");

        String user = user(prompt(false, Map.of()).messages(answered));

        assertThat(user).contains("Question: Explain {{sql}} with {{result}} and {{rows}}\n");
        assertThat(user.split(java.util.regex.Pattern.quote(SQL), -1)).hasSize(2);
        assertThat(user.split("Ada Lovelace", -1)).as("the rows appear once, in the result").hasSize(2);
    }

    static QueryAnswered result(String datasource) {
        return PromptFixtures.employees(datasource);
    }

    static String[] rowValues() {
        return PromptFixtures.rowValues();
    }

    static InterpreterProperties settings(boolean privacy, Map<String, Boolean> byDatasource) {
        return new InterpreterProperties(privacy, byDatasource, 20, 16, Duration.ofSeconds(10), 20,
                Duration.ofMillis(50), Duration.ofMillis(10));
    }

    private static InterpretPrompt prompt(boolean privacy, Map<String, Boolean> byDatasource) {
        return new InterpretPrompt(settings(privacy, byDatasource));
    }

    private static String user(List<ChatMessage> messages) {
        return ((UserMessage) messages.get(1)).singleText();
    }
}
