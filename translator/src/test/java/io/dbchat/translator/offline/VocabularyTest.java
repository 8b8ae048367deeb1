package io.dbchat.translator.offline;

import static io.dbchat.translator.offline.Schemas.CONSULTANCY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = new Vocabulary(CONSULTANCY);

    @Test
    void namesTablesBySingularPluralAndSynonyms() {
        assertThat(best("employees", Term.Kind.TABLE).table().name()).isEqualTo("users");
        assertThat(best("staff", Term.Kind.TABLE).table().name()).isEqualTo("users");
        assertThat(best("customer", Term.Kind.TABLE).table().name()).isEqualTo("clients");
        assertThat(best("project", Term.Kind.TABLE).table().name()).isEqualTo("projects");
    }

    @Test
    void namesColumnsByTheirWordsStemsAndDerivedValues() {
        assertThat(best("hired", Term.Kind.COLUMN).column().name()).isEqualTo("hired_on");
        assertThat(best("hiring", Term.Kind.COLUMN).column().name()).isEqualTo("hired_on");
        assertThat(best("estimate", Term.Kind.COLUMN).column().name()).isEqualTo("estimate_hours");
        assertThat(best("age", Term.Kind.COLUMN).column().alias()).isEqualTo("age");
    }

    @Test
    void findsStoredValuesOfManyWordsWithTheirExactSpelling() {
        var mentions = Mentions.find(Token.of("projects on hold"), vocabulary);

        assertThat(mentions).hasSize(2);
        assertThat(mentions.getLast().of(Term.Kind.VALUE).getFirst().value()).isEqualTo("On Hold");
        assertThat(mentions.getLast().of(Term.Kind.VALUE).getFirst().isDeclaredValue()).isTrue();
    }

    @Test
    void neverOffersSensitiveColumns() {
        assertThat(vocabulary.terms()).noneMatch(t -> t.column() != null && t.column().column().name().contains("password"));
    }

    private Term best(String phrase, Term.Kind kind) {
        List<Mention> mentions = Mentions.find(Token.of(phrase), vocabulary);
        assertThat(mentions).as(phrase).isNotEmpty();
        return mentions.getFirst().of(kind).stream().max(java.util.Comparator.comparingDouble(Term::weight)).orElseThrow();
    }
}
