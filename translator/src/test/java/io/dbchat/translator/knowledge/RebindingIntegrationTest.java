package io.dbchat.translator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Literal variants of verified examples against real PostgreSQL: a variant answered from an example returns exactly
 * the rows of SQL written by hand for it, and one whose literals cannot be re-bound misses; none returns the old rows.
 */
class RebindingIntegrationTest {

    /**
     * An example, a variant of its question, SQL written by hand for the variant (null: the variant must miss), and
     * whether it must be answered from the example (else a miss is fine too, and a hit must still be right).
     */
    record Variant(String question, String sql, String asked, String byHand, boolean mustHit) {

        Variant(String question, String sql, String asked, String byHand) {
            this(question, sql, asked, byHand, byHand != null);
        }

        @Override
        public String toString() {
            return asked;
        }
    }

    private static EmbeddedPostgres postgres;
    private static DataSource db;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        db = postgres.getPostgresDatabase();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TYPE invoice_status AS ENUM ('Paid', 'Open', 'Void');
                    CREATE TABLE clients (id integer PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE invoices (id integer PRIMARY KEY, client_id integer NOT NULL REFERENCES clients,
                        amount numeric(12,2) NOT NULL, status invoice_status NOT NULL, issued_on date NOT NULL);
                    INSERT INTO clients VALUES (1, 'Acme'), (2, 'Globex'), (3, 'Initech'), (4, 'Umbrella'), (5, 'Hooli'),
                        (6, 'Stark');
                    INSERT INTO invoices SELECT i, 1 + i % 6, (i * 37) % 1500, (ARRAY['Paid', 'Paid', 'Open', 'Void', 'Paid', 'Open', 'Paid'])[1 + i % 7]::invoice_status,
                        DATE '2021-01-01' + (i * 7) % 1460 FROM generate_series(1, 600) i;
                    """);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    static List<Variant> variants() {
        return List.of(
                new Variant("How many invoices over 500 were issued in 2024?",
                        "SELECT count(*) FROM invoices WHERE amount > 500 AND EXTRACT(YEAR FROM issued_on) = 2024",
                        "How many invoices over 800 were issued in 2023?",
                        "SELECT count(*) FROM invoices WHERE amount > 800 AND issued_on >= '2023-01-01' AND issued_on < '2024-01-01'"),
                new Variant("What is the total of paid invoices of \"Acme\"?",
                        "SELECT sum(i.amount) FROM invoices i JOIN clients c ON c.id = i.client_id WHERE c.name = 'Acme' "
                                + "AND i.status = 'Paid'",
                        "What is the total of open invoices of \"Globex\"?",
                        "SELECT sum(amount) FROM invoices WHERE client_id = 2 AND status = 'Open'"),
                new Variant("List the top 3 clients by invoiced amount",
                        "SELECT c.name, sum(i.amount) AS invoiced FROM clients c JOIN invoices i ON i.client_id = c.id "
                                + "GROUP BY c.name ORDER BY invoiced DESC LIMIT 3",
                        "List the top 5 clients by invoiced amount",
                        "SELECT name, (SELECT sum(amount) FROM invoices WHERE client_id = clients.id) AS s FROM clients "
                                + "ORDER BY s DESC LIMIT 5"),
                new Variant("How many Void invoices are there?", "SELECT count(*) FROM invoices WHERE status = 'Void'",
                        "How many Open invoices are there?",
                        "SELECT count(*) FROM invoices WHERE status::text = 'Open'"),
                // a stored value in lower case is not masked in the embedding: "void" and "open" may embed apart
                new Variant("How many void invoices are there?", "SELECT count(*) FROM invoices WHERE status = 'Void'",
                        "how many open invoices are there",
                        "SELECT count(*) FROM invoices WHERE status::text = 'Open'", false),
                new Variant("How many invoices were issued after 2024-03-01?",
                        "SELECT count(*) FROM invoices WHERE issued_on > '2024-03-01'",
                        "How many invoices were issued after 2022-06-15?",
                        "SELECT count(*) FROM invoices WHERE issued_on >= DATE '2022-06-16'"),
                new Variant("Which invoices were issued in 2024?",
                        "SELECT id FROM invoices WHERE issued_on >= '2024-01-01' AND issued_on < '2025-01-01' ORDER BY id",
                        "Which invoices were issued in 2023?", null),
                new Variant("How many invoices over 500 or under 100 are there?",
                        "SELECT count(*) FROM invoices WHERE amount > 500 OR amount < 100",
                        "How many invoices over 600 or under 50 are there?",
                        "SELECT count(*) FROM invoices WHERE NOT (amount BETWEEN 50 AND 600)"),
                new Variant("How many invoices over 500 were issued in 2024?",
                        "SELECT count(*) FROM invoices WHERE amount > 500 AND EXTRACT(YEAR FROM issued_on) = 2024 "
                                + "AND client_id <> 500",
                        "How many invoices over 700 were issued in 2024?", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aVariantGetsTheRowsOfSqlWrittenForItOrMisses(Variant v) throws SQLException {
        var index = new QuestionIndex<KnowledgeEntry>(10);
        index.put("e", "billing", v.question(), v.sql(), null, Invoices.EMBEDDER);

        Optional<QuestionIndex.Hit<KnowledgeEntry>> hit = index.match(Probe.of(v.asked(), Invoices.EMBEDDER),
                Invoices.SCHEMA, k -> true, WithKnowledge.Settings.defaults().match());

        if (v.byHand() == null) {
            assertThat(hit).as("a variant that cannot be re-bound misses").isEmpty();
            return;
        }
        if (!v.mustHit() && hit.isEmpty()) {
            return;
        }
        assertThat(hit).as("answered from the example").isPresent();
        assertThat(rows(hit.get().rebound().sql())).as(hit.get().rebound().sql()).isEqualTo(rows(v.byHand()))
                .isNotEqualTo(rows(v.sql()));
    }

    private static List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                out.add(row);
            }
        }
        return out;
    }
}
