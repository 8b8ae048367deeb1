package io.dbchat.translator.offline;

import static io.dbchat.translator.offline.Schemas.CONSULTANCY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntentParserTest {

    private final Vocabulary vocabulary = new Vocabulary(CONSULTANCY);

    @Test
    void readsTheMainTableAsTheSubjectNotTheReference() {
        var intent = parse("titles of the tasks of project Apollo").intent();

        assertThat(intent.table.name()).isEqualTo("tasks");
        assertThat(intent.joins).extracting(t -> t.name()).containsExactly("projects");
        assertThat(intent.filters).singleElement().satisfies(f -> assertThat(f.template()).isEqualTo("%1$s = 'Apollo'"));
    }

    @Test
    void readsCountsGroupsAndAggregates() {
        var perTeam = parse("average salary per team").intent();

        assertThat(perTeam.aggregate).isEqualTo(Intent.Aggregate.AVG);
        assertThat(perTeam.aggregated.name()).isEqualTo("salary");
        assertThat(perTeam.groupBy.table().name()).isEqualTo("teams");
        assertThat(parse("How many projects are there?").intent().count).isTrue();
    }

    @Test
    void readsRankingsAsOrderAndLimit() {
        var top = parse("top 5 projects by budget").intent();
        var oldest = parse("the oldest employee").intent();

        assertThat(top.limit).isEqualTo(5);
        assertThat(top.order.column().name()).isEqualTo("budget");
        assertThat(top.order.descending()).isTrue();
        assertThat(oldest.order.column().name()).isEqualTo("birth_date");
        assertThat(oldest.order.descending()).isFalse();
        assertThat(oldest.limit).isEqualTo(1);
    }

    @Test
    void readsASuperlativeInAWhatQuestionAsAnAggregate() {
        var intent = parse("What is the highest salary?").intent();

        assertThat(intent.aggregate).isEqualTo(Intent.Aggregate.MAX);
        assertThat(intent.order).isNull();
    }

    @Test
    void measuresConfidenceAsTheShareOfContentWordsUnderstood() {
        var parsed = parse("How many projects make the moon very happy?");

        assertThat(parsed.confidence()).isLessThan(0.5);
        assertThat(parsed.unknownWords()).containsExactly("make", "moon", "very", "happy");
        assertThat(parse("How many projects are there?").confidence()).isEqualTo(1.0);
    }

    @Test
    void findsNoTableInAQuestionAboutNothingKnown() {
        assertThat(IntentParser.parse("How many unicorns?", vocabulary, Optional::empty)).isEmpty();
    }

    private IntentParser.Parsed parse(String question) {
        return IntentParser.parse(question, vocabulary, Optional::empty).orElseThrow();
    }
}
