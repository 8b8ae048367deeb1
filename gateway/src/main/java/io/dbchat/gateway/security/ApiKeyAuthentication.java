package io.dbchat.gateway.security;

import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * API-key authentication: the key a request carries (see {@link Credentials}) names its principal through
 * the configured key-to-principal map; an unknown key is a 401, no key leaves the request anonymous.
 */
final class ApiKeyAuthentication {

    private ApiKeyAuthentication() {
    }

    static AuthenticationWebFilter filter(Map<String, String> keyToPrincipal) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager(keyToPrincipal));
        filter.setServerAuthenticationConverter(exchange -> Mono.justOrEmpty(Credentials.of(exchange.getRequest(), true))
                .map(key -> UsernamePasswordAuthenticationToken.unauthenticated(key, key)));
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
                ProblemResponses.unauthorized("an X-API-Key header")));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    static ReactiveAuthenticationManager manager(Map<String, String> keyToPrincipal) {
        return authentication -> {
            String principal = keyToPrincipal.get((String) authentication.getCredentials());
            if (principal == null) {
                return Mono.error(new BadCredentialsException("unknown API key"));
            }
            return Mono.just(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        };
    }
}
