package io.dbchat.gateway.replies;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.contracts.tracing.StageTracing;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.schema.SchemaCatalog;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's read side: the reply store, the schema catalog and the Kafka feed that fills both. */
@Configuration(proxyBeanMethods = false)
class RepliesConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReplyStore replyStore(GatewayProperties properties, Clock clock) {
        return new ReplyStore(properties, clock);
    }

    @Bean
    SchemaCatalog schemaCatalog() {
        return new SchemaCatalog();
    }

    @Bean
    ReplyFeed replyFeed(PipelineProperties pipeline, Topics topics, GatewayProperties properties,
                        ReplyStore store, List<ReplyListener> listeners, SchemaCatalog schemas,
                        ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, Clock clock) {
        return new ReplyFeed(pipeline, topics, properties, store, listeners, schemas, StageTracing.of(tracer, propagator),
                clock);
    }
}
