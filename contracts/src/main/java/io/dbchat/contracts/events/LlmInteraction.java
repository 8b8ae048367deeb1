package io.dbchat.contracts.events;

import java.math.BigDecimal;

/**
 * One call to a language model, as django-chain's InteractionLog records it: who answered (provider, model),
 * with which prompt version, the tokens in and out with their estimated cost in US dollars, how long the call
 * took, and how it ended: {@code ok}, {@code refused}, {@code malformed}, {@code rate_limited}, {@code timeout},
 * {@code unavailable}, {@code error} or {@code circuit_open} (not sent: the circuit breaker was open).
 * {@code error} says what went wrong, null for {@code ok} and {@code refused}.
 */
public record LlmInteraction(
        String provider,
        String model,
        String promptVersion,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd,
        long latencyMs,
        String status,
        String error) {

    public static final String OK = "ok";

    public LlmInteraction {
        costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
    }
}
