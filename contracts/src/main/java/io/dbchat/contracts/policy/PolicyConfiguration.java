package io.dbchat.contracts.policy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access policies of a stage that enforces them or shows what they allow (gateway, translator, executor). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
public class PolicyConfiguration {

    @Bean
    PolicyStore policyStore(PolicyProperties properties) {
        return PolicyStore.of(properties);
    }
}
