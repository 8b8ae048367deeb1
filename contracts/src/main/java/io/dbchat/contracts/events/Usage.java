package io.dbchat.contracts.events;

import java.math.BigDecimal;

/** What one translation cost: LLM tokens in and out and the estimated price in US dollars. */
public record Usage(long inputTokens, long outputTokens, BigDecimal costUsd) {

    public static final Usage NONE = new Usage(0, 0, BigDecimal.ZERO);
}
