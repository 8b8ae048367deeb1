package io.dbchat.conversations;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The gateway's side of a conversation: its claim (owner, created, deleted), which exists from the moment a
 * question opens the conversation, before any answer; deleting it (a tombstone claim stays for the retention,
 * and everything else goes at once); and the owner's marks on its turns. The interpreter writes the rest.
 */
public final class ConversationClaims {

    /** What a principal is to a conversation. */
    public enum Claim {
        /** The principal just opened it. */
        NEW,
        /** The principal owns it and it is live. */
        OWNED,
        /** The principal owned it and deleted it. */
        DELETED,
        /** Someone else's. */
        FOREIGN,
        /** Nobody's (only from {@link #check}: a claim is never made by a read). */
        UNKNOWN;

        public boolean live() {
            return this == NEW || this == OWNED;
        }
    }

    private final RedissonClient redis;
    private final ConversationsProperties settings;
    private final Clock clock;

    public ConversationClaims(RedissonClient redis, ConversationsProperties settings, Clock clock) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens the conversation for the principal when nobody has, else says whose it is; extends the owner's claim. */
    public CompletionStage<Claim> claim(String conversationId, String principal) {
        return script().<String>evalAsync(RScript.Mode.READ_WRITE, Scripts.CLAIM, RScript.ReturnType.VALUE,
                        Keys.all(conversationId), principal, Long.toString(clock.millis()), retentionMs())
                .thenApply(answer -> Claim.valueOf(answer.toUpperCase(Locale.ROOT)));
    }

    /** What the principal is to the conversation, without claiming it. */
    public CompletionStage<Claim> check(String conversationId, String principal) {
        return redis.<String, String>getMap(Keys.claim(conversationId), StringCodec.INSTANCE).readAllMapAsync()
                .thenApply(claim -> of(claim, principal));
    }

    /** Deletes the principal's live conversation everywhere; false when it is not the principal's live one. */
    public CompletionStage<Boolean> delete(String conversationId, String principal) {
        List<Object> keys = new java.util.ArrayList<>(Keys.all(conversationId));
        keys.add(Keys.listOf(principal));
        return script().<Long>evalAsync(RScript.Mode.READ_WRITE, Scripts.DELETE, RScript.ReturnType.LONG, keys,
                principal, conversationId, retentionMs()).thenApply(deleted -> deleted == 1L);
    }

    /** Keeps the owner's verdict on a turn; false when the conversation is not the principal's live one. */
    public CompletionStage<Boolean> mark(String conversationId, String principal, String queryId, String verdict) {
        return script().<Long>evalAsync(RScript.Mode.READ_WRITE, Scripts.MARK, RScript.ReturnType.LONG,
                        List.of(Keys.claim(conversationId), Keys.marks(conversationId)), principal, queryId, verdict,
                        retentionMs())
                .thenApply(marked -> marked == 1L);
    }

    private static Claim of(Map<String, String> claim, String principal) {
        String owner = claim.get("owner");
        if (owner == null) {
            return Claim.UNKNOWN;
        }
        if (!owner.equals(principal)) {
            return Claim.FOREIGN;
        }
        return claim.containsKey("deleted") ? Claim.DELETED : Claim.OWNED;
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }

    private String retentionMs() {
        return Long.toString(settings.retention().toMillis());
    }
}
