package io.dbchat.contracts.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The one JSON mapping of events: nulls left out, unknown fields ignored (older readers survive newer
 * writers), and decimals read as BigDecimal so that exact numerics from the database stay exact. Records are read
 * and written through accessors and constructors generated once per type ({@link BlackbirdModule}), not through
 * reflection on every field of every event.
 */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addModule(new BlackbirdModule())
            .build();

    private Json() {
    }
}
