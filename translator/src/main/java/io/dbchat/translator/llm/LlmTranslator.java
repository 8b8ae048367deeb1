package io.dbchat.translator.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import io.dbchat.translator.prompt.Prompt;
import io.dbchat.translator.prompt.PromptBuilder;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates with a language model: builds the versioned prompt, calls the model through {@link Resilience},
 * and parses the reply with {@link SqlReplyParser}. Every call, failed ones included, becomes an
 * {@link LlmInteraction}: logged and metered by the {@link InteractionLog} and listed on the translation, whose
 * usage sums them. Provider failures become refusals that say the model is not answering.
 */
public final class LlmTranslator implements Translator {

    static final String REFUSED = "refused";
    private static final int MAX_ERROR = 500;

    private final ChatModel model;
    private final TranslatorInfo info;
    private final PromptBuilder prompts;
    private final Resilience resilience;
    private final InteractionLog log;
    private final Prices prices;
    private final Clock clock;

    public LlmTranslator(ChatModel model, String provider, String modelName, PromptBuilder prompts, Resilience resilience,
                         InteractionLog log, Prices prices, Clock clock) {
        this.model = model;
        this.info = new TranslatorInfo(provider, modelName, prompts.version());
        this.prompts = prompts;
        this.resilience = resilience;
        this.log = log;
        this.prices = prices;
        this.clock = clock;
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    public TranslatorInfo info() {
        return info;
    }

    @Override
    public Translation translate(TranslationRequest request) {
        Prompt prompt = prompts.build(request);
        // the calls of one translation run one after the other on the calling thread
        List<LlmInteraction> calls = new ArrayList<>();
        try {
            SqlReplyParser.Parsed parsed = resilience.call(() -> once(prompt, calls));
            return switch (parsed) {
                case SqlReplyParser.Sql sql -> new Translation.Sql(sql.sql(), info, total(calls), calls);
                case SqlReplyParser.Refusal refusal -> new Translation.Refusal(
                        ErrorCode.UNTRANSLATABLE.problem(refusal.reason()), info, calls);
                case SqlReplyParser.Malformed malformed -> throw new IllegalStateException("malformed replies are retried");
            };
        } catch (ProviderException e) {
            if (Failures.CIRCUIT_OPEN.equals(e.status())) {
                calls.add(logged(Usage.NONE, clock.millis(), Failures.CIRCUIT_OPEN, e.getMessage()));
            }
            return new Translation.Refusal(Answers.providerFailure(e, info), info, calls);
        }
    }

    private SqlReplyParser.Parsed once(Prompt prompt, List<LlmInteraction> calls) {
        long started = clock.millis();
        ChatResponse response;
        try {
            response = model.chat(ChatRequest.builder().messages(UserMessage.from(prompt.text())).build());
        } catch (RuntimeException e) {
            calls.add(logged(Usage.NONE, started, Failures.status(e), e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
            throw e;
        }
        Usage usage = usage(response.tokenUsage());
        SqlReplyParser.Parsed parsed = SqlReplyParser.parse(response.aiMessage().text());
        switch (parsed) {
            case SqlReplyParser.Sql s -> calls.add(logged(usage, started, LlmInteraction.OK, null));
            case SqlReplyParser.Refusal r -> calls.add(logged(usage, started, REFUSED, null));
            case SqlReplyParser.Malformed m -> {
                calls.add(logged(usage, started, Failures.MALFORMED, m.why()));
                throw new MalformedReplyException(m.why());
            }
        }
        return parsed;
    }

    private LlmInteraction logged(Usage usage, long started, String status, String error) {
        var call = new LlmInteraction(info.provider(), info.model(), info.promptVersion(), usage.inputTokens(),
                usage.outputTokens(), usage.costUsd(), clock.millis() - started, status, shorten(error));
        log.record(call);
        return call;
    }

    private Usage usage(TokenUsage tokens) {
        long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        return new Usage(in, out, prices.cost(info.model(), in, out));
    }

    private static Usage total(List<LlmInteraction> calls) {
        long in = 0;
        long out = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (LlmInteraction call : calls) {
            in += call.inputTokens();
            out += call.outputTokens();
            cost = cost.add(call.costUsd());
        }
        return new Usage(in, out, cost);
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }
}
