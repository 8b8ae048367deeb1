package io.dbchat.gateway.audit;

import java.security.Principal;
import java.util.Collection;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who may read which audit: a principal its own queries'; an auditor (named in {@code auditors}, or holding the
 * configured role in its JWT) everyone's. Anything else is indistinguishable from an unknown query.
 */
public final class AuditAccess {

    private final AuditProperties properties;

    public AuditAccess(AuditProperties properties) {
        this.properties = properties;
    }

    public boolean isAuditor(String name, Principal authenticated) {
        if (properties.auditors().contains(name)) {
            return true;
        }
        if (authenticated instanceof JwtAuthenticationToken jwt) {
            Object claim = jwt.getToken().getClaims().get(properties.jwtClaim());
            return claim instanceof Collection<?> values ? values.contains(properties.jwtRole())
                    : properties.jwtRole().equals(claim);
        }
        return false;
    }

    public boolean mayRead(String name, boolean auditor, AuditRecord record) {
        return auditor || name.equals(record.principal());
    }
}
