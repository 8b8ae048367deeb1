package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a question is about: the main table (the first table named as a subject, not as a
 * reference like "per team" or "project Apollo"; else the table its columns and values belong to) and,
 * for each mention, the candidates that fit that table or its foreign-key neighbours best.
 */
final class Resolution {

    private static final Set<String> GROUPING = Set.of("per", "each", "every", "by");

    private Resolution() {
    }

    static TableSchema mainTable(List<Token> tokens, List<Mention> mentions) {
        Mention best = null;
        for (Mention m : mentions) {
            if (m.names(Term.Kind.TABLE) && !isReference(tokens, m)
                    && (best == null || weight(m, Term.Kind.TABLE) > weight(best, Term.Kind.TABLE) + 0.3)) {
                best = m;
            }
        }
        if (best != null) {
            return bestTable(best);
        }
        return byColumns(mentions);
    }

    /** True when a word names a table as the subject ({@link #mainTable} did not have to infer it from columns). */
    static boolean namesTable(List<Token> tokens, List<Mention> mentions) {
        return mentions.stream().anyMatch(m -> m.names(Term.Kind.TABLE) && !isReference(tokens, m));
    }

    /** "per team", "for each status", "project Apollo", "team 'Mobile'": a table named to qualify another. */
    static boolean isReference(List<Token> tokens, Mention m) {
        if (m.start() > 0 && GROUPING.contains(tokens.get(m.start() - 1).lower())) {
            return true;
        }
        if (m.end() < tokens.size()) {
            Token next = tokens.get(m.end());
            return next.quoted() || next.isCapitalized() && !Stopwords.is(next.word()) && m.start() > 0;
        }
        return false;
    }

    private static double weight(Mention m, Term.Kind kind) {
        return m.of(kind).stream().mapToDouble(Term::weight).max().orElse(0);
    }

    private static TableSchema bestTable(Mention m) {
        return m.of(Term.Kind.TABLE).stream().max(Comparator.comparingDouble(Term::weight)).orElseThrow().table();
    }

    /**
     * The table the question's columns and values belong to: each mention votes once for each table it may name (its
     * best weight there, so "Riverside" as a club's name and city is one vote); a tie goes to the earliest mention.
     */
    private static TableSchema byColumns(List<Mention> mentions) {
        Map<TableSchema, Double> score = new LinkedHashMap<>();
        for (Mention m : mentions) {
            Map<TableSchema, Double> votes = new LinkedHashMap<>();
            for (Term t : m.candidates()) {
                votes.merge(t.table(), t.weight() * (t.kind() == Term.Kind.TABLE ? 0.5 : 1), Math::max);
            }
            votes.forEach((table, v) -> score.merge(table, v, Double::sum));
        }
        TableSchema best = null;
        for (Map.Entry<TableSchema, Double> e : score.entrySet()) {
            if (best == null || e.getValue() > score.get(best) + 1e-9) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * The candidates of {@code m} to use with {@code main}: those of the best kind and table (main before
     * neighbours before others; a table before a key column named like it), all sharing the top weight.
     */
    static List<Term> resolve(Mention m, TableSchema main) {
        Comparator<Term> fit = Comparator.comparingDouble(t -> score(t, main));
        Term best = m.candidates().stream().max(fit).orElseThrow();
        List<Term> out = new ArrayList<>();
        for (Term t : m.candidates()) {
            if (t.kind() == best.kind() && t.table().equals(best.table()) && Math.abs(score(t, main) - score(best, main)) < 1e-9) {
                out.add(t);
            }
        }
        return out;
    }

    private static double score(Term t, TableSchema main) {
        double s = t.weight();
        if (t.kind() == Term.Kind.TABLE && t.weight() < 0.5) {
            return s;
        }
        if (t.table().equals(main)) {
            s += 2;
        } else if (main != null && Schema.related(main, t.table())) {
            s += 1;
        }
        if (t.kind() == Term.Kind.COLUMN && t.column().isKey() && t.column().expression() == null) {
            s -= 1.5;
        }
        if (t.kind() == Term.Kind.TABLE && !t.table().equals(main)) {
            s += 0.2;
        }
        return s;
    }
}
