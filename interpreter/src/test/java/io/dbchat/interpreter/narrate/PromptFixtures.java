package io.dbchat.interpreter.narrate;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A result full of personal values, and every one of those values, for the privacy tests. */
public final class PromptFixtures {

    public static final String SQL = "SELECT full_name, email, salary, hired_on FROM employees";

    private PromptFixtures() {
    }

    public static QueryAnswered employees(String datasource) {
        return employees(datasource, "Who earns what?");
    }

    /** The same result, for a question worded as given. */
    public static QueryAnswered employees(String datasource, String asked) {
        var question = QuestionAsked.of("q-1", "c-1", "p", datasource, asked, Instant.EPOCH);
        var proposal = SqlProposed.of(question, SQL, 1, TranslatorInfo.offline("v1"), Usage.NONE, 1, "v");
        return QueryAnswered.of(proposal,
                List.of(new ColumnMeta("full_name", "text"), new ColumnMeta("email", "text"),
                        new ColumnMeta("salary", "numeric"), new ColumnMeta("hired_on", "date")),
                List.of(List.of("Ada Lovelace", "ada@example.com", new BigDecimal("123456.78"), "2021-04-01"),
                        List.of("Grace Hopper", "grace@example.com", new BigDecimal("98765.43"), "2019-01-15"),
                        List.of("Alan Turing", "alan@example.com", new BigDecimal("45000.12"), "2020-07-30")),
                false, 2);
    }

    /** Every row value of {@link #employees}, as written raw and as an answer would format it. */
    public static String[] rowValues() {
        return new String[] {"Ada Lovelace", "ada@example.com", "Grace Hopper", "grace@example.com", "Alan Turing",
                "alan@example.com", "123456.78", "123,456.78", "98765.43", "98,765.43", "45000.12", "45,000.12",
                "2021-04-01", "2019-01-15", "2020-07-30", "1 April 2021", "15 January 2019", "30 July 2020"};
    }
}
