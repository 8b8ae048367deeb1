package io.dbchat.interpreter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the interpreter answers ({@code dbchat.interpreter.*}). {@code privacy} keeps row values away from the
 * LLM, for all datasources or, through {@code privacy-datasources.<name>}, for some; the other settings bound
 * the streamed LLM answers: calls in flight, their timeout, the rows shown to the model and token batching.
 */
@Validated
@ConfigurationProperties("dbchat.interpreter")
public record InterpreterProperties(
        @DefaultValue("false") boolean privacy,
        Map<String, Boolean> privacyDatasources,
        @DefaultValue("20") @Min(0) @Max(200) int promptRows,
        @DefaultValue("1024") @Min(1) int maxInFlight,
        @DefaultValue("60s") Duration callTimeout,
        @DefaultValue("20") @Min(1) int tokenBatchSize,
        @DefaultValue("50ms") Duration tokenBatchEvery,
        @DefaultValue("10ms") Duration collectEvery) {

    /** Whether the LLM may see row values of this datasource: the datasource's own setting, else the default. */
    public boolean privacyFor(String datasource) {
        Boolean own = privacyDatasources == null || datasource == null ? null : privacyDatasources.get(datasource);
        return own != null ? own : privacy;
    }
}
