package io.dbchat.gateway.conversations;

import io.dbchat.conversations.ConversationClaims;
import io.dbchat.conversations.ConversationRecords;
import io.dbchat.conversations.ConversationsProperties;
import io.dbchat.gateway.redis.RedisProperties;
import java.time.Clock;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The caller's conversations, over the conversation records in Redis (the gateway owns their claims). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConversationsProperties.class)
class ConversationsConfiguration {

    @Bean
    Conversations conversations(RedissonClient redisson, ConversationsProperties properties, RedisProperties redis,
                                Clock clock) {
        return new Conversations(new ConversationClaims(redisson, properties, clock), new ConversationRecords(redisson),
                redis.timeout());
    }
}
