package io.dbchat.translator.offline;

import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Locale;

/**
 * A table that references another by several keys (trips' start and end station, rentals' pickup and return branch)
 * joins it by the key whose first word the question uses ("trips started at", "picked up from"); when no word or
 * several pick one, the first key is kept and the answer says so.
 */
final class RoleKeys {

    private final IntentParser p;

    RoleKeys(IntentParser parser) {
        this.p = parser;
    }

    void apply() {
        Intent intent = p.intent();
        for (TableSchema owner : intent.tables) {
            for (TableSchema target : intent.tables) {
                List<ForeignKey> keys = owner.foreignKeys().stream()
                        .filter(fk -> fk.refTable().equals(target.name()) && fk.columns().size() == 1).toList();
                if (keys.size() < 2 || !joined(owner, target)) {
                    continue;
                }
                List<ForeignKey> named = keys.stream().filter(this::named).toList();
                if (named.size() == 1) {
                    intent.roles.put(Intent.roleOf(owner, target), named.getFirst());
                } else {
                    p.assume(owner.name() + " joined to " + target.name() + " by " + keys.getFirst().columns().getFirst()
                            + ", not " + String.join(" or ", keys.subList(1, keys.size()).stream().map(k -> k.columns().getFirst()).toList()));
                }
            }
        }
    }

    /** True when the answer joins {@code owner} and {@code target}: one is the main table and the other is needed. */
    private boolean joined(TableSchema owner, TableSchema target) {
        Intent intent = p.intent();
        return owner.equals(intent.table) && intent.joins.contains(target) || target.equals(intent.table) && intent.joins.contains(owner);
    }

    /** True when a word of the question begins like the key's first word ("started" and start_station_id). */
    private boolean named(ForeignKey key) {
        String first = Words.of(key.columns().getFirst()).getFirst().toLowerCase(Locale.ROOT);
        int stem = Math.min(4, first.length());
        return p.tokens().stream().anyMatch(t -> t.word().length() >= stem && shared(t.word(), first) >= stem);
    }

    private static int shared(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
