package io.dbchat.translator;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;

/** What a translator made of a question: SQL to run, or a refusal that explains itself. */
public sealed interface Translation {

    TranslatorInfo translator();

    record Sql(String sql, TranslatorInfo translator, Usage usage) implements Translation {
    }

    record Refusal(Problem problem, TranslatorInfo translator) implements Translation {
    }
}
