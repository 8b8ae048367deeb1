package io.dbchat.gateway.schema;

import io.dbchat.contracts.events.SchemaRefreshRequested;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.kafka.TopicWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refresh requests go to the schema publisher's request topic, keyed by datasource. */
@Configuration(proxyBeanMethods = false)
class SchemaRefreshConfiguration {

    @Bean
    TopicWriter<SchemaRefreshRequested> schemaRequestWriter(PipelineProperties pipeline, Topics topics) {
        return new TopicWriter<>(pipeline, topics.schemaRequests(), "dbchat-gateway-schema-requests");
    }

    @Bean
    SchemaRefresher schemaRefresher(TopicWriter<SchemaRefreshRequested> schemaRequestWriter) {
        return request -> schemaRequestWriter.send(request.datasource(), request);
    }
}
