package io.dbchat.schemapublisher;

import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.schemapublisher.catalog.CatalogConnections;
import io.dbchat.schemapublisher.catalog.CatalogReader;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the stage: catalog reader, Kafka sink, publisher, its refresh loop and its health indicator. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SchemaPublisherProperties.class, DatasourcesProperties.class})
class SchemaPublisherConfiguration {

    @Bean
    DatasourceStatuses datasourceStatuses() {
        return new DatasourceStatuses();
    }

    @Bean(destroyMethod = "close")
    SnapshotSink snapshotSink(PipelineProperties kafka, Topics topics) {
        return new KafkaSnapshotSink(kafka, topics.schema());
    }

    @Bean
    SchemaPublisher schemaPublisher(DatasourcesProperties datasources, SchemaPublisherProperties settings,
                                    SnapshotSink sink, DatasourceStatuses statuses) {
        return new SchemaPublisher(datasources,
                new CatalogConnections(settings.connectTimeout(), settings.readTimeout()),
                new CatalogReader(settings.exposure(), settings.sampling()), sink, statuses, Clock.systemUTC());
    }

    @Bean
    RefreshLoop schemaRefreshLoop(SchemaPublisher publisher, SchemaPublisherProperties settings) {
        return new RefreshLoop(publisher, settings.refreshInterval(), new Backoff(settings.retryInitial(), settings.retryMax()));
    }

    @Bean
    RefreshRequests schemaRefreshRequests(SchemaPublisher publisher, PipelineProperties kafka, Topics topics) {
        return new RefreshRequests(publisher, kafka, topics.schemaRequests());
    }

    @Bean
    SchemaHealthIndicator schemaHealthIndicator(SchemaPublisher publisher, DatasourceStatuses statuses) {
        return new SchemaHealthIndicator(publisher.datasources(), statuses);
    }
}
