package io.dbchat.gateway.websocket;

import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.security.PrincipalAttributes;
import io.dbchat.gateway.query.QuestionIntake;
import io.dbchat.gateway.replies.ReplySource;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** Maps the db_chat-compatible WebSocket path, with and without its trailing slash. */
@Configuration(proxyBeanMethods = false)
public class WebSocketConfiguration {

    static final String PATH = "/ws/db_chat/query/";

    @Bean
    HandlerMapping chatWebSocketMapping(QuestionIntake intake, ReplySource replies, PrincipalResolver principals,
                                        GatewayProperties properties, PrincipalAttributes attributes) {
        var handler = new ChatWebSocketHandler(intake, replies, principals, properties, attributes);
        return new SimpleUrlHandlerMapping(Map.of(PATH, handler, PATH.substring(0, PATH.length() - 1), handler), -1);
    }
}
