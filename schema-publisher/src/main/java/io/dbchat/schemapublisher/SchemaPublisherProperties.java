package io.dbchat.schemapublisher;

import io.dbchat.schemapublisher.catalog.ExposurePolicy;
import io.dbchat.schemapublisher.catalog.Sampling;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the schema publisher ({@code dbchat.schema.*}): how often catalogs are re-read, how
 * failures are retried (exponential backoff from {@code retryInitial} up to {@code retryMax}), what is
 * exposed (schemas / tables / columns allow- and denylists, e.g. {@code columns.exclude=users.password_hash};
 * empty allowlists expose every non-system schema, table and column) and how values are sampled.
 */
@Validated
@ConfigurationProperties("dbchat.schema")
public record SchemaPublisherProperties(
        @DefaultValue("60s") Duration refreshInterval,
        @DefaultValue("1s") Duration retryInitial,
        @DefaultValue("30s") Duration retryMax,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("120s") Duration readTimeout,
        @DefaultValue ExposurePolicy.Lists schemas,
        @DefaultValue ExposurePolicy.Lists tables,
        @DefaultValue ExposurePolicy.Lists columns,
        @DefaultValue @Valid Sample sample) {

    /** Sampling of low-cardinality text columns ({@code dbchat.schema.sample.*}). */
    public record Sample(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30") @Min(1) int maxDistinct,
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("1000000") long maxRows,
            @DefaultValue("100") @Min(1) int maxValueLength) {
    }

    ExposurePolicy exposure() {
        return new ExposurePolicy(schemas, tables, columns);
    }

    Sampling sampling() {
        return new Sampling(sample.enabled(), sample.maxDistinct(), sample.timeout(), sample.maxRows(),
                sample.maxValueLength());
    }
}
