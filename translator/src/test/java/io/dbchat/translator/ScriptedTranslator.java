package io.dbchat.translator;

import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A translator that answers from a function and records every request, local or remote as asked. */
public final class ScriptedTranslator implements Translator {

    public static final TranslatorInfo INFO = new TranslatorInfo("scripted", "test", "t-1");

    private final boolean remote;
    private final Function<TranslationRequest, Translation> answer;
    private final List<TranslationRequest> requests = new CopyOnWriteArrayList<>();

    public ScriptedTranslator(boolean remote, Function<TranslationRequest, Translation> answer) {
        this.remote = remote;
        this.answer = answer;
    }

    /** Answers every question with the given SQL. */
    public static ScriptedTranslator answering(boolean remote, String sql) {
        return new ScriptedTranslator(remote, r -> sql(sql));
    }

    public static Translation sql(String sql) {
        return new Translation.Sql(sql, INFO, new Usage(100, 5, java.math.BigDecimal.ZERO));
    }

    @Override
    public Translation translate(TranslationRequest request) {
        requests.add(request);
        return answer.apply(request);
    }

    @Override
    public boolean isRemote() {
        return remote;
    }

    public List<TranslationRequest> requests() {
        return List.copyOf(requests);
    }
}
