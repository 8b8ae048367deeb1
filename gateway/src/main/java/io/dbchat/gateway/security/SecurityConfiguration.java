package io.dbchat.gateway.security;

import io.dbchat.gateway.query.PrincipalResolver;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * The security filter chain for {@code dbchat.gateway.auth.mode}: everything under /api, /ws and /mcp needs a
 * principal (API key or JWT whose {@code sub} is the principal) except in open mode; the page, the API
 * docs and health stay public. Stateless: no session, no CSRF token, no saved request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, AuthProperties auth) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        switch (auth.mode()) {
            case OPEN -> http.authorizeExchange(a -> a.anyExchange().permitAll());
            case API_KEY -> protect(http, "an X-API-Key header")
                    .addFilterAt(ApiKeyAuthentication.filter(requireKeys(auth)), SecurityWebFiltersOrder.AUTHENTICATION);
            case JWT -> protect(http, "a bearer token").oauth2ResourceServer(o -> o
                    .jwt(j -> j.jwtDecoder(decoder(auth.jwt())))
                    .bearerTokenConverter(exchange -> Mono.justOrEmpty(Credentials.of(exchange.getRequest(), false))
                            .map(BearerTokenAuthenticationToken::new))
                    .authenticationEntryPoint(ProblemResponses.unauthorized("a bearer token")));
        }
        return http.build();
    }

    /**
     * No observation per security filter, authentication and authorization: they cost CPU on every request
     * and heap for every open stream, and nothing reads them (only the health endpoint is exposed).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PrincipalResolver principalResolver(AuthProperties auth) {
        return auth.mode() == AuthProperties.Mode.OPEN ? PrincipalResolver.anonymous() : PrincipalResolver.authenticated();
    }

    @Bean
    PrincipalAttributes principalAttributes(AuthProperties auth) {
        return new PrincipalAttributes(auth.attributes());
    }

    @Bean
    DatasourcePolicy datasourcePolicy(AuthProperties auth) {
        return new DatasourcePolicy(auth.datasources());
    }

    private static ServerHttpSecurity protect(ServerHttpSecurity http, String scheme) {
        return http.exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized(scheme))
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeExchange(a -> a.pathMatchers("/api/**", "/ws/**", "/mcp", "/mcp/**").authenticated().anyExchange().permitAll());
    }

    private static java.util.Map<String, String> requireKeys(AuthProperties auth) {
        var keys = auth.keyToPrincipal();
        if (keys.isEmpty()) {
            throw new IllegalStateException("dbchat.gateway.auth.mode=api-key needs keys: set DBCHAT_GATEWAY_API_KEYS="
                    + "\"key1=alice,key2=bob\" (or dbchat.gateway.auth.mode=open for a local demo)");
        }
        return keys;
    }

    static ReactiveJwtDecoder decoder(AuthProperties.Jwt jwt) {
        if (jwt.secret() != null && !jwt.secret().isBlank()) {
            var key = new SecretKeySpec(jwt.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            return NimbusReactiveJwtDecoder.withSecretKey(key).build();
        }
        if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
            return NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        }
        if (jwt.issuerUri() != null && !jwt.issuerUri().isBlank()) {
            return ReactiveJwtDecoders.fromIssuerLocation(jwt.issuerUri());
        }
        throw new IllegalStateException("dbchat.gateway.auth.mode=jwt needs dbchat.gateway.auth.jwt.secret, "
                + ".jwk-set-uri or .issuer-uri");
    }
}
