package io.dbchat.translator.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import io.dbchat.translator.prompt.Prompt;
import io.dbchat.translator.prompt.PromptBuilder;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Translates with a language model: builds the versioned prompt, calls the model through {@link Resilience},
 * and parses the reply with {@link SqlReplyParser}. Every call is logged as an {@link Interaction}; the event's
 * usage sums all calls of the translation. Provider failures become refusals that say the model is not answering.
 */
public final class LlmTranslator implements Translator {

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
        AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);
        try {
            SqlReplyParser.Parsed parsed = resilience.call(() -> once(prompt, usage));
            return switch (parsed) {
                case SqlReplyParser.Sql sql -> new Translation.Sql(sql.sql(), info, usage.get());
                case SqlReplyParser.Refusal refusal -> new Translation.Refusal(
                        ErrorCode.UNTRANSLATABLE.problem(refusal.reason()), info);
                case SqlReplyParser.Malformed malformed -> throw new IllegalStateException("malformed replies are retried");
            };
        } catch (ProviderException e) {
            return new Translation.Refusal(Answers.providerFailure(e, info), info);
        }
    }

    private SqlReplyParser.Parsed once(Prompt prompt, AtomicReference<Usage> total) {
        long started = clock.millis();
        try {
            ChatResponse response = model.chat(ChatRequest.builder().messages(UserMessage.from(prompt.text())).build());
            Usage usage = usage(response.tokenUsage());
            total.accumulateAndGet(usage, LlmTranslator::add);
            SqlReplyParser.Parsed parsed = SqlReplyParser.parse(response.aiMessage().text());
            String status = switch (parsed) {
                case SqlReplyParser.Sql s -> "ok";
                case SqlReplyParser.Refusal r -> "refused";
                case SqlReplyParser.Malformed m -> Failures.MALFORMED;
            };
            record(usage, started, status, parsed instanceof SqlReplyParser.Malformed m ? m.why() : null);
            if (parsed instanceof SqlReplyParser.Malformed m) {
                throw new MalformedReplyException(m.why());
            }
            return parsed;
        } catch (MalformedReplyException e) {
            throw e;
        } catch (RuntimeException e) {
            record(Usage.NONE, started, Failures.status(e), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
    }

    private void record(Usage usage, long started, String status, String error) {
        log.record(new Interaction(info.provider(), info.model(), info.promptVersion(), usage.inputTokens(),
                usage.outputTokens(), usage.costUsd(), clock.millis() - started, status, error));
    }

    private Usage usage(TokenUsage tokens) {
        long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        return new Usage(in, out, prices.cost(info.model(), in, out));
    }

    private static Usage add(Usage a, Usage b) {
        BigDecimal cost = a.costUsd().add(b.costUsd());
        return new Usage(a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens(), cost);
    }
}
