package io.dbchat.translator.policy;

import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.contracts.policy.PolicySubject;
import io.dbchat.contracts.policy.SchemaView;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;

/**
 * Gives a translator only the schema the asking principal may see under its access policies ({@link SchemaView}):
 * its prompts (or the offline translator's vocabulary) hold no column it may not read, and no sampled value or row
 * estimate of a table with a row filter, since those were read from rows it may not see.
 */
public final class WithPolicies implements Translator {

    private final Translator delegate;
    private final PolicyStore policies;

    public WithPolicies(Translator delegate, PolicyStore policies) {
        this.delegate = delegate;
        this.policies = policies;
    }

    @Override
    public Translation translate(TranslationRequest request) {
        var question = request.question();
        var seen = SchemaView.of(request.schema(), policies.of(question.datasource()),
                PolicySubject.of(question.attributes()));
        return delegate.translate(seen == request.schema() ? request : request.withSchema(seen));
    }

    @Override
    public boolean isRemote() {
        return delegate.isRemote();
    }
}
