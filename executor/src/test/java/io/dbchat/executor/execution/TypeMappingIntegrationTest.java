package io.dbchat.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.serde.Json;
import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * In either execution mode, every PostgreSQL type the answers show arrives as faithful JSON: exact numbers, ISO
 * times, base64 bytes.
 */
@ParameterizedClass
@EnumSource(ExecutionMode.class)
class TypeMappingIntegrationTest {

    static ConsultancyDatabase database;

    @Parameter
    ExecutionMode mode;
    R2dbcQueryRunner runner;

    @BeforeAll
    static void start() {
        database = ConsultancyDatabase.start();
    }

    @BeforeEach
    void startRunner() {
        runner = database.readerRunner(ExecutionLimits.DEFAULTS, 1, mode);
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void mapsEveryTypeFaithfully() {
        var rows = run("""
                SELECT 7::int2 AS i2, 42::int4 AS i4, 9007199254740993::int8 AS i8,
                       12345678901234567890.123456789::numeric AS num, 0.1::numeric(10,2) AS money_like,
                       1.5::float8 AS f8, true AS b, 'text'::text AS t, 'ab'::varchar(5) AS vc,
                       DATE '2024-02-29' AS d, TIME '13:14:15' AS tm,
                       TIMESTAMP '2024-01-02 03:04:05.123456' AS ts,
                       TIMESTAMPTZ '2024-01-02 03:04:05+02' AS tstz,
                       INTERVAL '1 year 2 months 3 days 04:05:06' AS iv,
                       'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS id,
                       '{"a": 1.10, "b": [1, 2]}'::json AS js, '{"k": "v"}'::jsonb AS jsb,
                       ARRAY[1, 2, 3] AS ints, ARRAY['x', NULL] AS texts, '\\xdeadbeef'::bytea AS bytes,
                       NULL::text AS nothing
                """);

        List<Object> row = rows.rows().getFirst();
        assertThat(rows.columns()).extracting(ColumnMeta::name).startsWith("i2", "i4", "i8", "num");
        assertThat(row.subList(0, 3)).containsExactly((short) 7, 42, 9007199254740993L);
        assertThat(row.get(3)).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
        assertThat(row.get(4)).isEqualTo(new BigDecimal("0.10"));
        assertThat(row.subList(5, 9)).containsExactly(1.5, true, "text", "ab");
        assertThat(row.subList(9, 12)).containsExactly("2024-02-29", "13:14:15", "2024-01-02T03:04:05.123456");
        assertThat(OffsetDateTime.parse((String) row.get(12)).toInstant()).isEqualTo(Instant.parse("2024-01-02T01:04:05Z"));
        assertThat(row.get(13)).isEqualTo("P1Y2M3DT4H5M6S");
        assertThat(row.get(14)).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(((JsonNode) row.get(15)).get("a").decimalValue()).isEqualTo(new BigDecimal("1.10"));
        assertThat(((JsonNode) row.get(16)).get("k").asString()).isEqualTo("v");
        assertThat(row.get(17)).isEqualTo(List.of(1, 2, 3));
        assertThat(row.get(18)).isEqualTo(java.util.Arrays.asList("x", null));
        assertThat(row.get(19)).isEqualTo("3q2+7w==");
        assertThat(row.get(20)).isNull();
    }

    @Test
    void mapsNetworkGeometricRangeAndTextSearchTypesAsPostgresqlWritesThem() {
        var rows = run("""
                SELECT '10.0.0.1'::inet AS ip, '10.1.0.0/16'::inet AS ip_net, '10.0.0.0/24'::cidr AS net,
                       '08:00:2b:01:02:03'::macaddr AS mac, point(1, 2) AS loc, int4range(1, 5) AS span,
                       B'1010' AS bits, 'fox'::tsvector AS search
                """);

        assertThat(rows.rows().getFirst()).containsExactly("10.0.0.1", "10.1.0.0/16", "10.0.0.0/24", "08:00:2b:01:02:03",
                "(1.0,2.0)", "[1,5)", "1010", "'fox'");
        assertThat(rows.columns()).extracting(ColumnMeta::type)
                .containsExactly("inet", "inet", "cidr", "macaddr", "point", "int4range", "bit", "tsvector");
    }

    @Test
    void exactNumbersSurviveTheJsonOfTheEvent() {
        var rows = run("SELECT 9007199254740993::int8 AS big, 0.1::numeric + 0.2::numeric AS sum");

        String json = Json.MAPPER.writeValueAsString(rows.rows());
        List<?> back = Json.MAPPER.readValue(json, List.class);

        assertThat(json).isEqualTo("[[9007199254740993,0.3]]");
        assertThat(((List<?>) back.getFirst()).get(1)).isEqualTo(new BigDecimal("0.3"));
    }

    @Test
    void namesEachColumnWithItsDatabaseType() {
        var rows = run("SELECT 1::int8 AS a, 'x'::text AS b, now() AS c, 1.0::numeric AS d");

        assertThat(rows.columns()).extracting(ColumnMeta::type).containsExactly("int8", "text", "timestamptz", "numeric");
    }

    @Test
    void namesAnEnumDomainAndCompositeTypeAsTheCatalogDoesNotByNumber() {
        database.runAsOwner("""
                DO $$ BEGIN
                  IF to_regtype('mood') IS NULL THEN
                    CREATE TYPE mood AS ENUM ('calm', 'busy');
                    CREATE DOMAIN hours AS numeric CHECK (VALUE >= 0);
                    CREATE TYPE span AS (start_day date, days int4);
                  END IF;
                END $$""");

        var rows = run("SELECT 'busy'::mood AS mood, 7.5::hours AS effort, ROW(DATE '2026-12-07', 3)::span AS slot");

        assertThat(rows.columns()).extracting(ColumnMeta::type).containsExactly("mood", "numeric", "span");
        assertThat(rows.rows().getFirst().get(0)).isEqualTo("busy");
    }

    private ExecutionOutcome.Rows run(String sql) {
        ExecutionOutcome outcome = runner.execute(ConsultancySchema.DATASOURCE, sql).block();
        assertThat(outcome).isInstanceOf(ExecutionOutcome.Rows.class);
        return (ExecutionOutcome.Rows) outcome;
    }

}
