package io.dbchat.gateway.knowledge;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Knowledge over HTTP, per datasource: {@code GET /api/knowledge/{ds}/entries?kind=&status=}, {@code GET},
 * {@code POST} (create, 201), {@code PUT} (update, or create under that id) and {@code DELETE} (admins, 204) of
 * {@code .../entries/{id}}, and {@code POST .../entries/{id}/approve} (admins). The rules are {@link Knowledge}'s.
 */
@RestController
@RequestMapping("/api/knowledge/{datasource}/entries")
class KnowledgeController {

    /** A list of entries, how many there are, and whether the caller is an admin (the page offers approving). */
    record Entries(List<KnowledgeItem> entries, int total, boolean admin) {
    }

    private final Knowledge knowledge;
    private final KnowledgeAccess access;

    KnowledgeController(Knowledge knowledge, KnowledgeAccess access) {
        this.knowledge = knowledge;
        this.access = access;
    }

    @GetMapping
    Mono<Entries> list(@PathVariable String datasource, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String status, ServerWebExchange exchange) {
        return access.caller(exchange).flatMap(caller -> knowledge.list(caller, datasource, kind, status)
                .map(found -> new Entries(found.stream().map(KnowledgeItem::of).toList(), found.size(), caller.admin())));
    }

    @GetMapping("/{id}")
    Mono<KnowledgeItem> get(@PathVariable String datasource, @PathVariable String id, ServerWebExchange exchange) {
        return access.caller(exchange).flatMap(caller -> knowledge.get(caller, datasource, id)).map(KnowledgeItem::of);
    }

    @PostMapping
    Mono<ResponseEntity<KnowledgeItem>> create(@PathVariable String datasource,
                                               @RequestBody(required = false) KnowledgeItem body,
                                               ServerWebExchange exchange) {
        return access.caller(exchange).flatMap(caller -> knowledge.create(caller, datasource, body))
                .map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(KnowledgeItem.of(saved)));
    }

    @PutMapping("/{id}")
    Mono<KnowledgeItem> update(@PathVariable String datasource, @PathVariable String id,
                               @RequestBody(required = false) KnowledgeItem body, ServerWebExchange exchange) {
        return access.caller(exchange).flatMap(caller -> knowledge.update(caller, datasource, id, body))
                .map(KnowledgeItem::of);
    }

    @PostMapping("/{id}/approve")
    Mono<KnowledgeItem> approve(@PathVariable String datasource, @PathVariable String id, ServerWebExchange exchange) {
        return access.caller(exchange).flatMap(caller -> knowledge.approve(caller, datasource, id))
                .map(KnowledgeItem::of);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String datasource, @PathVariable String id,
                                      ServerWebExchange exchange) {
        return access.caller(exchange).flatMap(caller -> knowledge.delete(caller, datasource, id))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
