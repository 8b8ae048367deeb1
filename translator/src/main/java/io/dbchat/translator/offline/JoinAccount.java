package io.dbchat.translator.offline;

import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Joins that had a choice: where a table references another by several keys (a trip's start and end station), the
 * query joins by one of them. When a word of the question names another of those keys ("started"), the answer would
 * be about the wrong rows, so that word is asked about; when no word names any of them, the key taken is stated.
 */
final class JoinAccount {

    private final IntentParser p;
    private final List<String> assumed = new ArrayList<>();
    private final Set<String> decisive = new LinkedHashSet<>();

    private JoinAccount(IntentParser p) {
        this.p = p;
    }

    /** Checks every join of {@code p}'s intent: records the keys it assumed and returns the words naming another key. */
    static List<String> check(IntentParser p) {
        JoinAccount account = new JoinAccount(p);
        Intent intent = p.intent();
        for (TableSchema joined : intent.joins) {
            Schema.path(intent.tables, intent.table, joined).orElse(List.of()).forEach(account::step);
        }
        account.assumed.forEach(p::assume);
        return List.copyOf(account.decisive);
    }

    private void step(Schema.Join join) {
        List<ForeignKey> keys = join.owner().foreignKeys().stream()
                .filter(fk -> fk.refTable().equals(join.target().name())).toList();
        if (keys.size() < 2) {
            return;
        }
        // the key the composer joins by: the one RoleKeys chose from the question's words, else the path's first
        ForeignKey key = p.intent().roles.getOrDefault(Intent.roleOf(join.owner(), join.target()), join.key());
        Optional<Integer> chosen = namedBy(key, join.target());
        for (ForeignKey other : keys) {
            if (other.equals(key)) {
                continue;
            }
            Optional<Integer> word = namedBy(other, join.target());
            if (word.isPresent() && chosen.isEmpty()) {
                decisive.add(p.token(word.get()).raw());
                return;
            }
        }
        if (chosen.isEmpty()) {
            String reading = join.target().name() + " joined by " + String.join(", ", key.columns()) + ", not "
                    + String.join(" or ", keys.stream().filter(k -> !k.equals(key))
                    .map(k -> String.join(", ", k.columns())).toList());
            if (!assumed.contains(reading)) {
                assumed.add(reading);
            }
        }
    }

    /** The question word naming {@code key} apart from the table it references ("start" of start_station_id). */
    private Optional<Integer> namedBy(ForeignKey key, TableSchema target) {
        Set<String> own = new LinkedHashSet<>();
        key.columns().forEach(c -> own.addAll(Words.of(c)));
        own.removeAll(Words.of(target.name()));
        own.removeAll(Set.of("id", "fk", "key", "ref"));
        for (int i = 0; i < p.tokens().size(); i++) {
            String word = p.token(i).word();
            if (own.stream().anyMatch(w -> w.equals(word) || w.length() > 2 && Stem.of(w).equals(Stem.of(word)))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
