package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.executor.guard.GuardProperties;
import io.dbchat.gateway.schema.SchemaLookup;
import io.dbchat.gateway.schema.SchemaSource;
import java.time.Clock;

/** The knowledge rules outside a Spring context, over a given store, with the guard's default limits. */
public final class KnowledgeFixtures {

    private KnowledgeFixtures() {
    }

    public static Knowledge knowledge(KnowledgeBase base, SchemaSource schemas, SchemaLookup lookup) {
        return new Knowledge(base, new KnowledgeCheck(schemas, PolicyStore.none(),
                new GuardProperties(20_000, 12, 8, 1000, 1000)), lookup, Clock.systemUTC());
    }
}
