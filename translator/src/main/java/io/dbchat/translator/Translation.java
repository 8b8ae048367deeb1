package io.dbchat.translator;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.LlmInteraction;
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

    /** SQL to run; {@code understanding} says what the translator made of the words, or is null when it cannot tell. */
    record Sql(String sql, TranslatorInfo translator, Usage usage, List<LlmInteraction> interactions,
               Understanding understanding) implements Translation {

        public Sql {
            interactions = List.copyOf(interactions);
        }

        public Sql(String sql, TranslatorInfo translator, Usage usage, List<LlmInteraction> interactions) {
            this(sql, translator, usage, interactions, null);
        }

        public Sql(String sql, TranslatorInfo translator, Usage usage) {
            this(sql, translator, usage, List.of(), null);
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
