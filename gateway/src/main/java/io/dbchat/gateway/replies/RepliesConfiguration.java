package io.dbchat.gateway.replies;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.schema.SchemaCatalog;
import java.time.Clock;
import java.util.List;
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
                        ReplyStore store, List<ReplyListener> listeners, SchemaCatalog schemas, Clock clock) {
        return new ReplyFeed(pipeline, topics, properties, store, listeners, schemas, clock);
    }
}
