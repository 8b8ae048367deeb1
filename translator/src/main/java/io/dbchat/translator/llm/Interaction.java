package io.dbchat.translator.llm;

import java.math.BigDecimal;

/**
 * One call to a language model, as django-chain's InteractionLog records it: who answered, with which prompt,
 * the tokens and estimated cost, how long it took, and how it ended ({@code ok}, {@code refused},
 * {@code malformed}, {@code rate_limited}, {@code timeout}, {@code unavailable}, {@code error}, {@code circuit_open}).
 */
public record Interaction(String provider, String model, String promptVersion, long inputTokens, long outputTokens,
                          BigDecimal costUsd, long latencyMs, String status, String error) {
}
