package io.dbchat.schemapublisher;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SchemaText;
import io.dbchat.contracts.serde.Json;
import io.dbchat.schemapublisher.catalog.CatalogConnections;
import io.dbchat.schemapublisher.catalog.CatalogReader;
import io.dbchat.schemapublisher.catalog.ExposurePolicy;
import io.dbchat.schemapublisher.catalog.Sampling;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Introspects a generated schema of {@code tables} tables of 20 columns each (default 1,000 / 20,000)
 * in embedded PostgreSQL and prints the time and snapshot size; see BENCHMARK.md for the command.
 * Goal: under 10 s and under 5 MB.
 */
public final class IntrospectionBenchmark {

    private static final String GENERATE = """
            CREATE TYPE state AS ENUM ('New', 'In Progress', 'Done', 'Won''t do');
            DO $$
            BEGIN
              FOR i IN 1..%d LOOP
                EXECUTE format('CREATE TABLE t%%s (id serial PRIMARY KEY, parent_id int %%s, status state NOT NULL,
                    kind text CHECK (kind IN (''a'', ''b'', ''c'')), name text, code varchar(20), note text,
                    amount numeric(12,2), qty int, created_at timestamptz DEFAULT now(), flag boolean,
                    c11 int, c12 bigint, c13 text, c14 date, c15 double precision, c16 uuid, c17 jsonb,
                    c18 text, c19 smallint)', i, CASE WHEN i > 1 THEN 'REFERENCES t' || (i - 1) || ' (id)' ELSE '' END);
                EXECUTE format('COMMENT ON TABLE t%%s IS %%L', i, 'Generated table number ' || i);
                EXECUTE format('COMMENT ON COLUMN t%%s.name IS %%L', i, 'Display name');
                EXECUTE format('INSERT INTO t%%s (status, kind, name, code, note) SELECT ''New'', ''a'', ''n'' || g,
                    ''c'' || (g %%%% 3), ''note'' FROM generate_series(1, 10) g', i);
              END LOOP;
            END $$;
            ANALYZE;
            """;

    private IntrospectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (EmbeddedPostgres pg = TestDatabases.start()) {
            TestDatabases.create(pg, "bench", null);
            long t0 = System.nanoTime();
            TestDatabases.execute(pg, "bench", GENERATE.formatted(tables));
            System.out.printf("generated %d tables in %d ms%n", tables, (System.nanoTime() - t0) / 1_000_000);
            var connections = new CatalogConnections(Duration.ofSeconds(10), Duration.ofSeconds(120));
            var sampling = new Sampling(true, 30, Duration.ofSeconds(2), 1_000_000, 100);
            for (int run = 1; run <= 3; run++) {
                measure("run " + run + ", sampling on ", connections, pg, sampling);
            }
            measure("sampling off      ", connections, pg, Sampling.off());
        }
    }

    private static void measure(String label, CatalogConnections connections, EmbeddedPostgres pg, Sampling sampling)
            throws Exception {
        long t0 = System.nanoTime();
        List<TableSchema> read;
        try (Connection db = connections.open(TestDatabases.datasource("bench", pg, "bench", "postgres"))) {
            read = new CatalogReader(ExposurePolicy.everything(), sampling).read(db);
        }
        var snapshot = new SchemaSnapshot(SchemaSnapshot.VERSION, "bench", SnapshotVersion.of(read), Instant.now(), read);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        byte[] json = Json.MAPPER.writeValueAsBytes(snapshot);
        String text = SchemaText.render(snapshot);
        long columns = read.stream().mapToLong(t -> t.columns().size()).sum();
        System.out.printf("%s: %d tables, %d columns in %d ms (incl. hash); snapshot %,d bytes JSON; "
                + "prompt text %,d chars ~%,d tokens%n", label, read.size(), columns, ms, json.length,
                SchemaText.chars(text), SchemaText.approxTokens(text));
    }
}
