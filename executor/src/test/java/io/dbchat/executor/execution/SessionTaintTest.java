package io.dbchat.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only plain queries free of session-changing functions and escapes leave their connection untouched. */
class SessionTaintTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT abalance FROM pgbench_accounts WHERE aid = 1",
            "select 1",
            "  -- a comment\n  /* a /* nested */ comment */ ((WITH a AS (SELECT 1) SELECT * FROM a))",
            "VALUES (1), (2)",
            "TABLE teams",
            "SELECT 'it''s' AS quoted, config_file FROM pg_settings"})
    void aPlainQueryIsClean(String sql) {
        assertThat(SessionTaint.taints(sql)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SET statement_timeout = 0",
            "RESET ALL",
            "BEGIN READ WRITE",
            "DISCARD ALL",
            "LISTEN x",
            "selectx 1",
            "SELECT_1",
            "",
            "-- nothing but a comment",
            "/* unterminated SELECT 1"})
    void aStatementThatIsNotAQueryTaints(String sql) {
        assertThat(SessionTaint.taints(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT set_config('statement_timeout', '0', false)",
            "SELECT pg_catalog.SET_CONFIG('a.b', 'c', false)",
            "SELECT pg_advisory_lock(1)",
            "SELECT setseed(0.5)",
            "SELECT * FROM dblink('host=x', 'SELECT 1') AS t(a int)",
            "SELECT U&\"set\\005fconfig\"('a.b', 'c', false)",
            "SELECT u&'\\0041'",
            "SELECT E'\\x41'"})
    void aQueryMentioningASessionChangerOrAnEscapeTaints(String sql) {
        assertThat(SessionTaint.taints(sql)).isTrue();
    }

    @Test
    void findsTheFirstKeywordPastCommentsAndParentheses() {
        assertThat(SessionTaint.firstKeyword("/* x */ -- y\n ( (select 1))")).isEqualTo("select");
        assertThat(SessionTaint.firstKeyword("/* a /* b */ still comment */ set x = 1")).isEqualTo("set");
        assertThat(SessionTaint.firstKeyword("   ")).isEmpty();
    }
}
