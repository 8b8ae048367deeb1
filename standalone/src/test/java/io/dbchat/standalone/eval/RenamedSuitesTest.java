package io.dbchat.standalone.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenamedSuitesTest {

    private static final String SCHEMA = """
            CREATE TABLE categories (
                id          integer PRIMARY KEY,
                name        text NOT NULL
            );
            COMMENT ON TABLE categories IS 'Product categories';
            CREATE TABLE orders (
                order_id      serial PRIMARY KEY,
                category_id   integer NOT NULL REFERENCES categories (id),
                quantity      integer NOT NULL CHECK (quantity > 0),
                received_date date NOT NULL,
                floor         smallint NOT NULL,
                is_gift       boolean NOT NULL DEFAULT false,
                shipped       boolean NOT NULL,
                description   text
            );
            COMMENT ON COLUMN orders.description IS 'what the customer wrote; the quantity is in received_date''s units';
            INSERT INTO categories VALUES (1, 'quantity'), (2, 'orders');
            INSERT INTO orders (category_id, quantity, received_date, floor, shipped, description)
            SELECT 1 + g % 2, g, DATE '2025-01-01' + g, floor(g / 3)::smallint, g % 2 = 0, 'it''s -- quantity'
            FROM generate_series(1, 10) AS g;
            """;

    private static final List<EvalQuestion> QUESTIONS = List.of(
            new EvalQuestion("How many orders?", "SELECT count(*) FROM orders", "count"),
            new EvalQuestion("Quantity per category", "SELECT c.name, sum(o.quantity) AS quantity FROM orders o "
                    + "JOIN categories c ON c.id = o.category_id WHERE o.received_date::date > '2025-01-03' GROUP BY c.name",
                    "group"),
            new EvalQuestion("What is the weather?", "REFUSE", "refuse"));

    @Test
    void singularAndPrefixedTablesAreRenamedEverywhereButInLiterals() {
        RenamedSuites.Renamed copy = RenamedSuites.rename("shop", SCHEMA, QUESTIONS, RenamedSuites.Style.SINGULAR, 1);

        assertThat(copy.renames()).containsEntry("categories", "category").doesNotContainKey("orders");
        assertThat(copy.schemaSql()).contains("CREATE TABLE category (", "REFERENCES category (id)",
                "INSERT INTO category VALUES (1, 'quantity'), (2, 'orders')", "COMMENT ON TABLE category IS");
        assertThat(copy.questions().get(1).goldSql()).contains("JOIN category c");
        assertThat(copy.questions().get(2).goldSql()).isEqualTo("REFUSE");
        assertThat(copy.questions()).extracting(EvalQuestion::question)
                .containsExactly("How many orders?", "Quantity per category", "What is the weather?");

        RenamedSuites.Renamed prefixed = RenamedSuites.rename("shop", SCHEMA, QUESTIONS, RenamedSuites.Style.PREFIXED, 1);
        String prefix = prefixed.renames().get("categories").replace("categories", "");
        assertThat(prefix).endsWith("_");
        assertThat(prefixed.renames()).containsEntry("orders", prefix + "orders");
        assertThat(prefixed.questions().getFirst().goldSql()).isEqualTo("SELECT count(*) FROM " + prefix + "orders");
    }

    @Test
    void theSingularOfAReservedWordKeepsThePlural() {
        assertThat(RenamedSuites.singular("orders")).isEqualTo("orders");
        assertThat(RenamedSuites.singular("order_items")).isEqualTo("order_item");
        assertThat(RenamedSuites.singular("categories")).isEqualTo("category");
        assertThat(RenamedSuites.singular("boxes")).isEqualTo("box");
        assertThat(RenamedSuites.singular("staff")).isEqualTo("staff");
        assertThat(RenamedSuites.singular("status")).isEqualTo("status");
    }

    @Test
    void abbreviationsUseTheWellKnownShortFormsThenASkeletonOrATruncation() {
        assertThat(RenamedSuites.abbreviate("quantity", true)).isEqualTo("qty");
        assertThat(RenamedSuites.abbreviate("received_date", false)).isEqualTo("rcvd_dt");
        assertThat(RenamedSuites.abbreviate("shipping_fee", true)).isEqualTo("shpng_fee");
        assertThat(RenamedSuites.abbreviate("shipping_fee", false)).isEqualTo("ship_fee");
        assertThat(RenamedSuites.abbreviate("customer_id", true)).isEqualTo("cust_id");
    }

    @Test
    void ormStyleNamesBooleansAndTimestampsAndAddsTheBookkeepingColumns() {
        RenamedSuites.Renamed copy = RenamedSuites.rename("shop", SCHEMA, QUESTIONS, RenamedSuites.Style.ORM, 1);

        assertThat(copy.renames()).containsEntry("shipped", "is_shipped").containsEntry("received_date", "received_at")
                .doesNotContainKey("is_gift");
        assertThat(copy.schemaSql()).contains("is_shipped       boolean NOT NULL",
                "INSERT INTO orders (category_id, quantity, received_at, floor, is_shipped, description)",
                "ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL", "ADD COLUMN deleted_at timestamptz",
                "the quantity is in received_at''s units");
        assertThat(copy.questions().get(1).goldSql()).contains("o.received_at::date > '2025-01-03'");
    }

    @Test
    void abbreviatedColumnsCarryTheirMeaningInAComment() {
        RenamedSuites.Renamed copy = RenamedSuites.rename("shop", SCHEMA, QUESTIONS, RenamedSuites.Style.ABBREVIATED, 3);
        Map<String, String> renames = copy.renames();

        assertThat(renames).isNotEmpty().doesNotContainKey("floor").doesNotContainKey("id");
        for (var e : renames.entrySet()) {
            assertThat(copy.schemaSql()).contains("." + e.getValue() + " IS '");
            assertThat(copy.schemaSql()).doesNotContainPattern("\\b" + e.getKey() + "\\s+(integer|text|date|boolean)");
        }
        // floor( is the function, not a column; a literal is data
        assertThat(copy.schemaSql()).contains("floor(g / 3)", "'it''s -- quantity'");
        if (renames.containsKey("quantity")) {
            assertThat(copy.schemaSql()).contains("CHECK (qty > 0)");
            assertThat(copy.questions().get(1).goldSql()).contains("sum(o.qty) AS qty");
        }
    }

    @Test
    void aColumnNamedAfterItsEnumTypeKeepsItsNameAndTheType() {
        String schema = """
                CREATE TYPE trade AS ENUM ('plumber', 'electrician');
                CREATE TABLE workers (id integer PRIMARY KEY, trade trade NOT NULL, hourly_rate numeric NOT NULL);
                INSERT INTO workers VALUES (1, 'plumber', 40);
                """;
        for (long seed = 1; seed <= 5; seed++) {
            RenamedSuites.Renamed copy = RenamedSuites.rename("site", schema, List.of(), RenamedSuites.Style.REAL, seed);
            assertThat(copy.renames()).doesNotContainKey("trade");
            assertThat(copy.schemaSql()).contains("CREATE TYPE trade AS ENUM", " trade trade NOT NULL");
        }
    }

    @Test
    void uncommentedDropsEveryCommentAndKeepsTheNames() {
        RenamedSuites.Renamed copy = RenamedSuites.rename("shop", SCHEMA, QUESTIONS, RenamedSuites.Style.UNCOMMENTED, 1);

        assertThat(copy.renames()).isEmpty();
        assertThat(copy.schemaSql()).doesNotContain("COMMENT ON");
        assertThat(copy.questions()).isEqualTo(QUESTIONS);
    }

    @Test
    void theSameSeedGivesTheSameCopyAndNamesAreNeverTakenTwice() {
        for (RenamedSuites.Style style : RenamedSuites.Style.values()) {
            RenamedSuites.Renamed a = RenamedSuites.rename("shop", SCHEMA, QUESTIONS, style, 7);
            RenamedSuites.Renamed b = RenamedSuites.rename("shop", SCHEMA, QUESTIONS, style, 7);
            assertThat(a).isEqualTo(b);
            assertThat(Set.copyOf(a.renames().values())).hasSameSizeAs(a.renames().values());
            assertThat(a.renames().values()).doesNotContainAnyElementsOf(RenamedSuites.tokens(SCHEMA));
        }
    }
}
