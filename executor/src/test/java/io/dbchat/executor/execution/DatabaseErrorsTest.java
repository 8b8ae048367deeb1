package io.dbchat.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Messages as PostgreSQL 14 wrote them for these statements (see DatabaseErrorsIntegrationTest, which produces
 * them): what the statement wrote stays, what the database read goes.
 */
class DatabaseErrorsTest {

    static final String HASH_SUBQUERY = "(SELECT password_hash FROM users LIMIT 1)";

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            42703 | SELECT budgett FROM projects | column "budgett" does not exist | column "budgett" does not exist
            42P01 | SELECT 1 FROM projectz | relation "projectz" does not exist | relation "projectz" does not exist
            42702 | SELECT id FROM teams t JOIN users u ON true | column reference "id" is ambiguous | column reference "id" is ambiguous
            42883 | SELECT nosuchfn(1) | function nosuchfn(integer) does not exist | function nosuchfn(integer) does not exist
            22P02 | SELECT 'abc'::int | invalid input syntax for type integer: "abc" | invalid input syntax for type integer: "abc"
            22012 | SELECT 1/0 | division by zero | division by zero
            22P02 | SELECT (SELECT password_hash FROM users LIMIT 1)::int | invalid input syntax for type integer: "secret-1" | invalid input syntax for type integer: "…"
            22P02 | `SELECT (SELECT 'a" ' || password_hash || ' "b' FROM users LIMIT 1)::int` | invalid input syntax for type integer: "a" secret-1 "b" | invalid input syntax for type integer: "…"
            22P02 | `SELECT (SELECT 'a"b' || password_hash FROM users LIMIT 1)::int` | invalid input syntax for type integer: "a"bsecret-1" | invalid input syntax for type integer: "…"
            42P01 | SELECT (SELECT password_hash FROM users LIMIT 1)::regclass | relation "secret-1" does not exist | relation "…" does not exist
            22007 | SELECT (SELECT password_hash FROM users LIMIT 1)::date | invalid input syntax for type date: "secret-1" | invalid input syntax for type date: "…"
            22P02 | SELECT (SELECT password_hash FROM users LIMIT 1)::int[] | malformed array literal: "secret-1" | malformed array literal: "…"
            22007 | SELECT to_date((SELECT password_hash FROM users LIMIT 1), 'YYYY') | invalid value "secr" for "YYYY" | invalid value "…"
            22023 | SELECT now() AT TIME ZONE (SELECT password_hash FROM users LIMIT 1) | time zone "secret-1" not recognized | time zone "…" not recognized
            22008 | SELECT make_date(2020, (SELECT length(password_hash) FROM users LIMIT 1) + 20, 1) | date field value out of range: 2020-28-01 | date field value out of range: 2020-…-…
            22P05 | SELECT convert_to(chr(8364), 'LATIN1') | character with byte sequence 0xe2 0x82 0xac in encoding "UTF8" has no equivalent in encoding "LATIN1" | character with byte sequence 0x… 0x… 0x… in encoding "…"
            42703 | SELECT x.budgett FROM projects x | column x.budgett does not exist | column x.budgett does not exist
            42703 | SELECT "Budget" FROM projects | column "Budget" does not exist | column "Budget" does not exist
            42703 | SELECT a FROM t | column "a" of relation "t" does not exist | column "a" of relation "t" does not exist
            22003 | SELECT (SELECT hourly_rate*1e10 FROM users LIMIT 1)::int | integer out of range | integer out of range
            P0001 | SELECT check_secret() | the secret is secret-1 | the database reported an error (SQLSTATE P0001) whose text is not shown
            """)
    void keepsWhatTheStatementWroteAndHidesWhatTheDatabaseRead(String state, String sql, String message,
                                                                String shown) {
        String redacted = DatabaseErrors.redact(state, message, sql);

        assertThat(redacted).isEqualTo(shown).doesNotContain("secret-1").doesNotContain("secr\"");
    }
}
