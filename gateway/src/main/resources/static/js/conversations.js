// Conversations: the gateway's list when it has one, merged with what this tab asked (the gateway learns of
// a question through Kafka, so a new one may show up a moment later). Without the endpoint, this tab's only.

import { api } from './api.js';

const path = (id) => `/api/chat/conversations/${encodeURIComponent(id)}`;

export class Conversations {
  constructor() {
    this.fromServer = true;
    this.serverItems = [];
    /** conversation id → {conversation_id, title, last_question, updated_at, query_count, turns: [...]} */
    this.local = new Map();
    /** query id → FINAL answer seen in this tab, so switching back shows rows and charts again */
    this.answers = new Map();
  }

  /** Reloads the list; a 401 is thrown (the page asks for a key), any other failure means tab-only mode. */
  async refresh() {
    if (!this.fromServer) return;
    try {
      this.serverItems = (await api.get('/api/chat/conversations')) ?? [];
    } catch (e) {
      if (e.status === 401) throw e;
      this.fromServer = false;
    }
  }

  list() {
    const ids = new Set(this.serverItems.map((c) => c.conversation_id));
    const mine = [...this.local.values()].filter((c) => !ids.has(c.conversation_id));
    return [...this.serverItems, ...mine].sort((a, b) => String(b.updated_at).localeCompare(String(a.updated_at)));
  }

  /** Notes a question asked in this tab. */
  asked(conversationId, question, queryId) {
    const now = new Date().toISOString();
    const entry = this.local.get(conversationId) ?? this.fromList(conversationId, question);
    entry.last_question = question;
    entry.updated_at = now;
    entry.query_count = (entry.query_count ?? 0) + 1;
    entry.turns.push({ query_id: queryId, question, asked_at: now });
    this.local.set(conversationId, entry);
  }

  fromList(conversationId, question) {
    const known = this.serverItems.find((c) => c.conversation_id === conversationId);
    return { conversation_id: conversationId, title: known?.title ?? question, query_count: known?.query_count ?? 0, turns: [] };
  }

  answered(queryId, answer) {
    this.answers.set(queryId, answer);
  }

  /** The turns of a conversation, oldest first, each with its answer as first shown (this tab's, else the gateway's). */
  async turns(conversationId) {
    let turns = [];
    if (this.fromServer) {
      try {
        turns = (await api.get(path(conversationId)))?.turns ?? [];
      } catch (e) {
        if (e.status !== 404) throw e;
      }
    }
    const seen = new Set(turns.map((t) => t.query_id));
    const mine = (this.local.get(conversationId)?.turns ?? []).filter((t) => !seen.has(t.query_id));
    return [...turns, ...mine].map((t) => {
      const seen = this.answers.get(t.query_id);
      return seen ? { ...t, answer: seen, rows_kept: true } : t;
    });
  }

  async remove(conversationId) {
    if (this.fromServer) {
      try {
        await api.delete(path(conversationId));
      } catch (e) {
        if (e.status !== 404) throw e;
      }
    }
    this.local.delete(conversationId);
    this.serverItems = this.serverItems.filter((c) => c.conversation_id !== conversationId);
  }
}
