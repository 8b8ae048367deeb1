package io.dbchat.gateway.audit;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.PrincipalResolver;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The audit over HTTP: one query's record ({@code GET /api/audit/queries/{id}}) and a paged search
 * ({@code GET /api/audit/queries?principal=&datasource=&from=&to=&outcome=&sort=&page=&size=}). A principal reads its
 * own queries' records, an auditor everyone's; someone else's query is the same 404 as an unknown one, and a search
 * for another principal's queries by a non-auditor is a 404 too.
 */
@RestController
@RequestMapping("/api/audit")
@ConditionalOnProperty(name = "dbchat.gateway.audit.enabled", matchIfMissing = true)
class AuditController {

    private final AuditRecords records;
    private final AuditAccess access;
    private final PrincipalResolver principals;

    AuditController(AuditRecords records, AuditAccess access, PrincipalResolver principals) {
        this.records = records;
        this.access = access;
        this.principals = principals;
    }

    @GetMapping("/queries/{queryId}")
    Mono<AuditRecord> record(@PathVariable String queryId, ServerWebExchange exchange) {
        return access.caller(exchange, principals).flatMap(caller -> Mono.fromCallable(() -> records.find(queryId)
                        .filter(r -> access.mayRead(caller.name(), caller.auditor(), r))
                        .orElseThrow(() -> unknown(queryId)))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    @GetMapping("/queries")
    Mono<AuditRecords.Results> search(@RequestParam(required = false) String principal,
                                      @RequestParam(required = false) String datasource,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String outcome,
                                      @RequestParam(required = false) String sort,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size,
                                      ServerWebExchange exchange) {
        return access.caller(exchange, principals).flatMap(caller -> {
            if (!caller.auditor() && principal != null && !principal.equals(caller.name())) {
                return Mono.error(ProblemException.of(ErrorCode.NOT_FOUND, "Unknown principal '" + principal + "'."));
            }
            String who = caller.auditor() ? blankToNull(principal) : caller.name();
            AuditSearch search = search(who, blankToNull(datasource), from, to, outcome, sort, page, size);
            return Mono.fromCallable(() -> records.search(search)).subscribeOn(Schedulers.boundedElastic());
        });
    }

    private static AuditSearch search(String principal, String datasource, String from, String to, String outcome,
                                      String sort, int page, int size) {
        try {
            return new AuditSearch(principal, datasource, instant(from), instant(to), AuditSearch.outcome(outcome),
                    AuditSearch.sort(sort), page, size);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.of(ErrorCode.INVALID_REQUEST, "Bad search: " + e.getMessage()
                    + ". outcome is one of answered, refused, failed, timed_out, untranslatable; sort one of recent, "
                    + "slowest, costly; from and to are ISO-8601 instants such as 2026-12-01T00:00:00Z.");
        }
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ProblemException unknown(String queryId) {
        return ProblemException.of(ErrorCode.NOT_FOUND, "Unknown query '" + queryId + "'.");
    }
}
