package io.dbchat.translator;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Understanding;
import io.dbchat.contracts.events.Usage;
import java.util.List;

/**
 * What a translator made of a question: SQL to run, or a refusal that explains itself. Both carry the model calls
 * the translation made, oldest first (none for a translator without a model).
 */
public sealed interface Translation {

    TranslatorInfo translator();

    List<LlmInteraction> interactions();

    /**
     * SQL to run; {@code understanding} says what the translator made of the words, or is null when it cannot tell;
     * {@code source} says where the SQL came from when it was not the translator itself (an example, the cache).
     */
    record Sql(String sql, TranslatorInfo translator, Usage usage, List<LlmInteraction> interactions,
               Understanding understanding, SqlSource source) implements Translation {

        public Sql {
            interactions = List.copyOf(interactions);
        }

        public Sql(String sql, TranslatorInfo translator, Usage usage, List<LlmInteraction> interactions,
                   Understanding understanding) {
            this(sql, translator, usage, interactions, understanding, null);
        }

        public Sql(String sql, TranslatorInfo translator, Usage usage, List<LlmInteraction> interactions) {
            this(sql, translator, usage, interactions, null, null);
        }

        public Sql(String sql, TranslatorInfo translator, Usage usage) {
            this(sql, translator, usage, List.of(), null, null);
        }
    }

    record Refusal(Problem problem, TranslatorInfo translator, List<LlmInteraction> interactions) implements Translation {

        public Refusal {
            interactions = List.copyOf(interactions);
        }

        public Refusal(Problem problem, TranslatorInfo translator) {
            this(problem, translator, List.of());
        }
    }
}
