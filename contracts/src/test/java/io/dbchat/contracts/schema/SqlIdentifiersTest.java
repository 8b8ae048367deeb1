package io.dbchat.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlIdentifiersTest {

    @Test
    void leavesPlainLowerCaseNamesBare() {
        assertThat(SqlIdentifiers.quote("order_items")).isEqualTo("order_items");
    }

    @Test
    void quotesMixedCaseSpacesNonAsciiReservedWordsAndQuotes() {
        assertThat(SqlIdentifiers.quote("OrderItems")).isEqualTo("\"OrderItems\"");
        assertThat(SqlIdentifiers.quote("order items")).isEqualTo("\"order items\"");
        assertThat(SqlIdentifiers.quote("größe")).isEqualTo("\"größe\"");
        assertThat(SqlIdentifiers.quote("select")).isEqualTo("\"select\"");
        assertThat(SqlIdentifiers.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SqlIdentifiers.quote("1st")).isEqualTo("\"1st\"");
    }

    @Test
    void quotesWordsTheGuardsParserReservesThoughPostgresqlDoesNot() {
        assertThat(SqlIdentifiers.quote("number")).isEqualTo("\"number\"");
        assertThat(SqlIdentifiers.quote("uuid")).isEqualTo("\"uuid\"");
        assertThat(SqlIdentifiers.table("public", "settings")).isEqualTo("\"settings\"");
        assertThat(SqlIdentifiers.quote("numbers")).isEqualTo("numbers");
    }

    @Test
    void namesTablesOutsidePublicWithTheirSchema() {
        assertThat(SqlIdentifiers.table("public", "users")).isEqualTo("users");
        assertThat(SqlIdentifiers.table("Sales", "user")).isEqualTo("\"Sales\".\"user\"");
    }

    @Test
    void writesLiteralsWithDoubledQuotes() {
        assertThat(SqlIdentifiers.literal("It's")).isEqualTo("'It''s'");
    }
}
