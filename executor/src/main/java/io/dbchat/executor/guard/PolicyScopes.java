package io.dbchat.executor.guard;

import io.dbchat.contracts.policy.AccessPolicies;
import io.dbchat.contracts.policy.PolicySubject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policy scopes of recent askers, so that a principal asking again reuses its scope (its cache key and its bound
 * filters) instead of building them anew: keyed by the policies' version, the datasource and the exact attributes,
 * so a changed policy file or attribute makes a new scope. Least recently used scopes go first.
 */
public final class PolicyScopes {

    private record Key(String version, String datasource, Map<String, String> attributes) {
    }

    private final Map<Key, PolicyScope> scopes;

    public PolicyScopes(int capacity) {
        this.scopes = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PolicyScope> eldest) {
                return size() > capacity;
            }
        });
    }

    public PolicyScope of(AccessPolicies policies, String datasource, PolicySubject subject) {
        if (policies.of(datasource).isEmpty()) {
            return PolicyScope.NONE;
        }
        return scopes.computeIfAbsent(new Key(policies.version(), datasource, subject.attributes()),
                key -> PolicyScope.of(policies, datasource, subject));
    }
}
