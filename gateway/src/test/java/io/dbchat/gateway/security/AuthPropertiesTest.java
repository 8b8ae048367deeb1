package io.dbchat.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthPropertiesTest {

    @Test
    void parsesKeysToPrincipalsIgnoringSpacesAndEmptyEntries() {
        var auth = new AuthProperties(AuthProperties.Mode.API_KEY, " key1=alice, key2 = bob ,", null,
                new AuthProperties.Jwt(null, null, null));

        assertThat(auth.keyToPrincipal()).containsExactlyInAnyOrderEntriesOf(Map.of("key1", "alice", "key2", "bob"));
    }

    @Test
    void rejectsAnEntryWithoutAPrincipal() {
        var auth = new AuthProperties(AuthProperties.Mode.API_KEY, "key1=", null, new AuthProperties.Jwt(null, null, null));

        assertThatThrownBy(auth::keyToPrincipal).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("key1");
    }

    @Test
    void allowsAListedPrincipalOnlyItsDatasourcesAndAnUnlistedOneAll() {
        var policy = new DatasourcePolicy(Map.of("bob", List.of("sales", " hr")));

        assertThat(policy.allows("bob", "sales")).isTrue();
        assertThat(policy.allows("bob", "hr")).isTrue();
        assertThat(policy.allows("bob", "default")).isFalse();
        assertThat(policy.allows("alice", "default")).isTrue();
    }
}
