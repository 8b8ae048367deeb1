package io.dbchat.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.audit.AuditRecord.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit record as JSON: its totals are written beside its fields, and reading it back ignores them. */
class AuditRecordJsonTest {

    @Test
    void writesTokensCostAndLatencyAndReadsBackTheSameRecord() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        var call = new LlmInteraction("openai", "m", "v1", 100, 20, new BigDecimal("0.002"), 300, "ok", null);
        var record = new AuditRecord(AuditRecord.VERSION, "q", "c", "alice", "default", "How many?", at, null, "v1", null,
                List.of(new AuditRecord.LlmCall(1, call)), List.of(), null, Outcome.ANSWERED, List.of(),
                at.plusMillis(1500), 4);

        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(record));

        assertThat(json.path("tokens").asLong()).isEqualTo(120);
        assertThat(json.path("costUsd").decimalValue()).isEqualByComparingTo("0.002");
        assertThat(json.path("latencyMs").asLong()).isEqualTo(1500);
        assertThat(json.path("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(Json.MAPPER.readValue(json.toString(), AuditRecord.class)).isEqualTo(record);
    }
}
