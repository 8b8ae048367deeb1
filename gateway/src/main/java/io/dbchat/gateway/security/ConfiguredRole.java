package io.dbchat.gateway.security;

import java.security.Principal;
import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A role given by configuration: held by the principals it names (by API key or JWT subject), and by any JWT whose
 * claim {@code jwtClaim} (a string or a list) holds {@code jwtRole}. Nobody else holds it, anonymous included unless
 * named.
 */
public record ConfiguredRole(List<String> principals, String jwtClaim, String jwtRole) {

    public ConfiguredRole {
        principals = principals == null ? List.of() : List.copyOf(principals);
    }

    /** Whether {@code name}, authenticated as {@code authenticated} (null in open mode), holds the role. */
    public boolean heldBy(String name, Principal authenticated) {
        if (principals.contains(name)) {
            return true;
        }
        if (authenticated instanceof JwtAuthenticationToken jwt) {
            Object claim = jwt.getToken().getClaims().get(jwtClaim);
            return claim instanceof Collection<?> values ? values.contains(jwtRole) : jwtRole.equals(claim);
        }
        return false;
    }
}
