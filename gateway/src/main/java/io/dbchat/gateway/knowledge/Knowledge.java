package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.knowledge.KnowledgeAccess.Caller;
import io.dbchat.gateway.schema.SchemaLookup;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The rules of editing knowledge. The datasource must be one the caller may ask ({@link SchemaLookup}: 403, 404).
 * Anyone proposes; an admin may save an entry approved, approve one, edit an approved one and delete; anyone else
 * edits only the proposals it wrote. Every save is validated ({@link KnowledgeRules}) and its SQL judged by the
 * guard under the saver's policies ({@link KnowledgeCheck}), approval included; each save is one revision more, and
 * an update naming a {@code revision} that is no longer current is a 409. An entry whose SQL reads what the reader's
 * policies hide is neither listed nor shown to that reader.
 */
@Component
public class Knowledge {

    private final KnowledgeBase base;
    private final KnowledgeCheck check;
    private final SchemaLookup lookup;
    private final Clock clock;

    Knowledge(KnowledgeBase base, KnowledgeCheck check, SchemaLookup lookup, Clock clock) {
        this.base = base;
        this.check = check;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** The datasource's entries of the kind and status asked (either may be null), newest first. */
    public Mono<List<KnowledgeEntry>> list(Caller caller, String datasource, String kind, String status) {
        String wantedKind = kind == null || kind.isBlank() ? null : KnowledgeRules.kind(kind);
        String wantedStatus = status == null || status.isBlank() ? null : KnowledgeRules.status(status);
        return blocking(() -> {
            readable(caller, datasource);
            return base.entries(datasource).stream()
                    .filter(e -> wantedKind == null || wantedKind.equals(e.kind()))
                    .filter(e -> wantedStatus == null || wantedStatus.equals(e.status()))
                    .filter(e -> !check.hiddenFrom(e, caller.attributes()))
                    .sorted(Comparator.comparing(KnowledgeEntry::at, Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparing(KnowledgeEntry::id))
                    .toList();
        });
    }

    /** One entry; one whose SQL reads what the caller's policies hide is the 404 of an unknown one. */
    public Mono<KnowledgeEntry> get(Caller caller, String datasource, String id) {
        return blocking(() -> {
            readable(caller, datasource);
            KnowledgeEntry entry = existing(datasource, id);
            if (check.hiddenFrom(entry, caller.attributes())) {
                throw unknown(datasource, id);
            }
            return entry;
        });
    }

    /** A new entry (a 409 when the id is taken): proposed, or approved when an admin asks for it. */
    public Mono<KnowledgeEntry> create(Caller caller, String datasource, KnowledgeItem body) {
        return blocking(() -> {
            readable(caller, datasource);
            KnowledgeItem item = KnowledgeRules.validated(body);
            String id = item.id() == null ? UUID.randomUUID().toString() : KnowledgeRules.id(item.id());
            if (base.find(datasource, id).isPresent()) {
                throw new ProblemException(409, new Problem("conflict", "An entry '" + id + "' exists already; "
                        + "update it with PUT /api/knowledge/" + datasource + "/entries/" + id + "."));
            }
            return saved(caller, item, datasource, id, null, null);
        }).flatMap(this::write);
    }

    /** Replaces an entry's content, or creates it under this id when there is none (as {@link #create} would). */
    public Mono<KnowledgeEntry> update(Caller caller, String datasource, String id, KnowledgeItem body) {
        return blocking(() -> {
            readable(caller, datasource);
            KnowledgeItem item = KnowledgeRules.validated(body);
            KnowledgeRules.id(id);
            KnowledgeEntry current = base.find(datasource, id).orElse(null);
            if (current != null) {
                mayEdit(caller, current);
                if (item.revision() != null && item.revision() != current.revision()) {
                    throw new ProblemException(409, new Problem("conflict", "Entry '" + id + "' is at revision "
                            + current.revision() + ", not " + item.revision() + ": someone saved it meanwhile."));
                }
            }
            return saved(caller, item, datasource, id, current, current == null ? null : current.sourceQueryId());
        }).flatMap(this::write);
    }

    /** Approves an entry (an admin only), judging its SQL again under the approver's policies. */
    public Mono<KnowledgeEntry> approve(Caller caller, String datasource, String id) {
        return blocking(() -> {
            readable(caller, datasource);
            requireAdmin(caller, "approve");
            KnowledgeEntry current = existing(datasource, id);
            check.check(current, caller.attributes());
            return current.approve(caller.name(), clock.instant());
        }).flatMap(this::write);
    }

    public Mono<Void> delete(Caller caller, String datasource, String id) {
        return blocking(() -> {
            readable(caller, datasource);
            requireAdmin(caller, "delete");
            return existing(datasource, id);
        }).flatMap(entry -> base.delete(datasource, id).onErrorMap(Knowledge::unwritable));
    }

    /** Proposes an entry on someone's behalf (the feedback loop); an existing entry under the id is left as it is. */
    public Mono<KnowledgeEntry> propose(Caller caller, KnowledgeEntry entry) {
        return blocking(() -> {
            check.check(entry, caller.attributes());
            return entry;
        }).flatMap(e -> base.find(e.datasource(), e.id()).isPresent() ? Mono.<KnowledgeEntry>empty() : write(e));
    }

    /** Whether an example of the datasource, proposed or approved, was proposed from this query's answer. */
    boolean proposedFrom(String datasource, String queryId) {
        return base.entries(datasource).stream().anyMatch(e -> KnowledgeEntry.EXAMPLE.equals(e.kind())
                && queryId.equals(e.sourceQueryId()));
    }

    private KnowledgeEntry saved(Caller caller, KnowledgeItem item, String datasource, String id, KnowledgeEntry current,
                                 String sourceQueryId) {
        String status = KnowledgeRules.status(item.status());
        boolean approved = KnowledgeEntry.APPROVED.equals(status);
        if (approved) {
            requireAdmin(caller, "save an entry as approved");
        }
        // an admin's edit of an approved entry keeps it approved; anyone else's edit is a proposal again
        boolean keepApproved = status == null && current != null && current.approved() && caller.admin();
        KnowledgeEntry entry = item.toEntry(datasource, id,
                approved || keepApproved ? KnowledgeEntry.APPROVED : KnowledgeEntry.PROPOSED,
                current == null ? caller.name() : current.author(), clock.instant(),
                approved || keepApproved ? caller.name() : null, sourceQueryId,
                current == null ? 1 : current.revision() + 1);
        check.check(entry, caller.attributes());
        return entry;
    }

    private Mono<KnowledgeEntry> write(KnowledgeEntry entry) {
        return base.save(entry).onErrorMap(Knowledge::unwritable).thenReturn(entry);
    }

    private void readable(Caller caller, String datasource) {
        lookup.require(caller.name(), datasource, caller.attributes());
    }

    private KnowledgeEntry existing(String datasource, String id) {
        return base.find(datasource, id).orElseThrow(() -> unknown(datasource, id));
    }

    private static ProblemException unknown(String datasource, String id) {
        return ProblemException.of(ErrorCode.NOT_FOUND,
                "Unknown knowledge entry '" + id + "' of datasource '" + datasource + "'.");
    }

    private static void mayEdit(Caller caller, KnowledgeEntry current) {
        if (caller.admin()) {
            return;
        }
        if (current.approved()) {
            throw forbidden("Only an admin edits an approved entry; propose a new one instead.");
        }
        if (!Objects.equals(caller.name(), current.author())) {
            throw forbidden("Only its author or an admin edits a proposed entry.");
        }
    }

    private static void requireAdmin(Caller caller, String what) {
        if (!caller.admin()) {
            throw forbidden("Only an admin may " + what + ".");
        }
    }

    private static ProblemException forbidden(String message) {
        return new ProblemException(403, new Problem("forbidden", message));
    }

    private static Throwable unwritable(Throwable e) {
        return e instanceof ProblemException ? e
                : ProblemException.of(ErrorCode.UNAVAILABLE, "The knowledge could not be saved; try again shortly.");
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
