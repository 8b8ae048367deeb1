package io.dbchat.schemapublisher.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Definitions as pg_get_constraintdef prints them for the CHECKs users write. */
class CheckValuesTest {

    @Test
    void readsTheAnyFormThatInListsBecome() {
        assertThat(CheckValues.of("CHECK ((priority = ANY (ARRAY['Low'::text, 'Medium'::text, 'High'::text])))"))
                .contains(List.of("Low", "Medium", "High"));
    }

    @Test
    void readsVarcharListsWithTheirArrayCast() {
        assertThat(CheckValues.of("CHECK (((stage)::text = ANY ((ARRAY['draft'::character varying, "
                + "'live'::character varying])::text[])))")).contains(List.of("draft", "live"));
    }

    @Test
    void keepsExactSpellingOfQuotesSpacesAndNonAsciiLetters() {
        assertThat(CheckValues.of("CHECK ((\"Größe\" = ANY (ARRAY['L''XL'::text, 'On Hold'::text, 'say \"hi\", ok'::text])))"))
                .contains(List.of("L'XL", "On Hold", "say \"hi\", ok"));
    }

    @Test
    void readsNumbersAndNegativeNumbers() {
        assertThat(CheckValues.of("CHECK ((size = ANY (ARRAY['-1'::integer, 2, 3])))")).contains(List.of("-1", "2", "3"));
    }

    @Test
    void readsAOneValueListAsAnEquality() {
        assertThat(CheckValues.of("CHECK ((kind = 'only'::text))")).contains(List.of("only"));
    }

    @Test
    void givesNothingForNotInRangesAndCompoundConditions() {
        assertThat(CheckValues.of("CHECK ((x <> ALL (ARRAY['a'::text, 'b'::text])))")).isEmpty();
        assertThat(CheckValues.of("CHECK ((x > 0))")).isEmpty();
        assertThat(CheckValues.of("CHECK (((x = ANY (ARRAY['a'::text])) OR (y IS NULL)))")).isEmpty();
        assertThat(CheckValues.of("CHECK ((lower(x) = ANY (ARRAY['a'::text])))")).isEmpty();
        assertThat(CheckValues.of("CHECK ((x = y))")).isEmpty();
        assertThat(CheckValues.of(null)).isEmpty();
    }
}
