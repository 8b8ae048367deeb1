package io.dbchat.gateway.conversations;

import io.dbchat.gateway.redis.RedisProperties;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conversation index (fed with the reply store by the Kafka feed) and the Redis-shared deletion markers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConversationsProperties.class)
class ConversationsConfiguration {

    @Bean
    ConversationIndex conversationIndex(ConversationsProperties properties) {
        return new ConversationIndex(properties);
    }

    @Bean
    DeletionMarkers deletionMarkers(RedissonClient redisson, ConversationsProperties properties, RedisProperties redis) {
        return new RedisDeletionMarkers(redisson, properties.maxConversations(), properties.deletionRetention(),
                redis.timeout());
    }

    @Bean
    Conversations conversations(ConversationIndex index, DeletionMarkers deletions) {
        return new Conversations(index, deletions);
    }
}
