package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.util.List;

/** A first question to the lexical offline translator over a test schema, and the checks the rule tests share. */
final class OfflineAsk {

    private static final OfflineTranslator TRANSLATOR = new OfflineTranslator(OfflineSettings.lexical());

    private OfflineAsk() {
    }

    static Translation translate(String question, SchemaSnapshot schema) {
        return TRANSLATOR.translate(TranslationRequest.first(ask(question), schema, List.of()));
    }

    /** The SQL of an answer that left no word out. */
    static String sqlOf(String question, SchemaSnapshot schema) {
        Translation t = translate(question, schema);
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        assertThat(((Translation.Sql) t).understanding().ignored()).as(question + " -> " + t).isEmpty();
        return ((Translation.Sql) t).sql();
    }

    /** What an answer says it assumed. */
    static List<String> assumed(String question, SchemaSnapshot schema) {
        Translation t = translate(question, schema);
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        return ((Translation.Sql) t).understanding().assumed();
    }

    /** The message of a question asked back. */
    static String refusal(String question, SchemaSnapshot schema) {
        Translation t = translate(question, schema);
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Refusal.class);
        return ((Translation.Refusal) t).problem().message();
    }
}
