package io.dbchat.translator.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenTest {

    @Test
    void splitsAQuestionIntoSingularLowerCaseWords() {
        assertThat(Token.of("How many Time Entries?")).extracting(Token::word).containsExactly("how", "many", "time", "entry");
        assertThat(Token.of("timeEntries")).extracting(Token::word).containsExactly("time", "entry");
    }

    @Test
    void keepsAQuotedPhraseAsOneLiteral() {
        var tokens = Token.of("projects with status 'On Hold'");

        assertThat(tokens.getLast().quoted()).isTrue();
        assertThat(tokens.getLast().raw()).isEqualTo("On Hold");
        assertThat(Token.of("O'Brien's tasks").getFirst().raw()).isEqualTo("O'Brien's");
    }

    @Test
    void readsNumbersAsWritten() {
        assertThat(Token.of("budget over $100,000")).extracting(Token::raw).containsExactly("budget", "over", "100000");
        assertThat(Token.of("less than 50k")).extracting(Token::raw).containsExactly("less", "than", "50000");
        assertThat(Token.of("after 2024-03-15").getLast().isDate()).isTrue();
        assertThat(Token.of("in 2024").getLast().isYear()).isTrue();
        assertThat(Token.of("3.5 hours").getFirst().isNumber()).isTrue();
    }
}
