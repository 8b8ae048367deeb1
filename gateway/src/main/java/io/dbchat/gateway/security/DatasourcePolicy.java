package io.dbchat.gateway.security;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.gateway.errors.ProblemException;
import java.util.List;
import java.util.Map;

/** Which datasources a principal may ask: those listed for it, or all when it is not listed. */
public class DatasourcePolicy {

    private final Map<String, List<String>> allowed;

    public DatasourcePolicy(Map<String, List<String>> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(String principal, String datasource) {
        List<String> names = allowed.get(principal);
        return names == null || names.stream().anyMatch(n -> n.strip().equals(datasource));
    }

    /** Fails with a 403 Problem when the principal may not ask the datasource. */
    public void check(String principal, String datasource) {
        if (!allows(principal, datasource)) {
            throw new ProblemException(403, new Problem(ProblemResponses.FORBIDDEN,
                    "Principal '" + principal + "' may not ask datasource '" + datasource + "'."));
        }
    }

    public static DatasourcePolicy allowAll() {
        return new DatasourcePolicy(Map.of());
    }
}
