package io.dbchat.translator.offline;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Translates without an LLM, from the schema alone: "how many X are there" becomes a count and
 * "list / show X" a listing of X's published columns. Anything else is refused with what it knows.
 */
public final class OfflineTranslator implements Translator {

    public static final TranslatorInfo INFO = TranslatorInfo.offline("offline-v1");
    static final int LIST_LIMIT = 100;

    @Override
    public Translation translate(TranslationRequest request) {
        QuestionAsked question = request.question();
        SchemaSnapshot schema = request.schema();
        if (schema.tables().isEmpty()) {
            return refuse(ErrorCode.NO_SCHEMA, "The database '" + schema.datasource()
                    + "' has no tables I may read, so there is nothing to ask about yet.");
        }
        List<String> words = Words.of(question.question());
        Optional<TableSchema> table = TableMatcher.find(words, schema);
        if (table.isEmpty()) {
            return refuse(ErrorCode.UNTRANSLATABLE, "I could not tell which table your question is about. "
                    + "I know these tables: " + tableNames(schema) + ".");
        }
        if (isCount(words)) {
            return sql("SELECT count(*) AS count FROM " + Sql.table(table.get()));
        }
        if (isListing(words)) {
            return sql("SELECT " + columns(table.get()) + " FROM " + Sql.table(table.get()) + " LIMIT " + LIST_LIMIT);
        }
        return refuse(ErrorCode.UNTRANSLATABLE, "I understood that you asked about " + table.get().name()
                + ", but not what to do with it. Try \"How many " + table.get().name() + " are there?\" or \"List "
                + table.get().name() + "\".");
    }

    private static boolean isCount(List<String> words) {
        int how = words.indexOf("how");
        return (how >= 0 && how + 1 < words.size() && List.of("many", "much").contains(words.get(how + 1)))
                || words.contains("count") || words.contains("number");
    }

    private static boolean isListing(List<String> words) {
        return words.stream().anyMatch(w -> List.of("list", "show", "display", "give", "all", "which", "what").contains(w));
    }

    private static String columns(TableSchema table) {
        return table.columns().stream().map(ColumnSchema::name).map(Sql::ident).collect(Collectors.joining(", "));
    }

    private static String tableNames(SchemaSnapshot schema) {
        return schema.tables().stream().map(TableSchema::name).sorted().collect(Collectors.joining(", "));
    }

    private static Translation sql(String sql) {
        return new Translation.Sql(sql, INFO, Usage.NONE);
    }

    private static Translation refuse(ErrorCode code, String message) {
        return new Translation.Refusal(code.problem(message), INFO);
    }
}
