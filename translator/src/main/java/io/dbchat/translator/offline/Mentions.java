package io.dbchat.translator.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the vocabulary's phrases in a question: every term matching a run of tokens (by singular word or
 * verb stem), then greedily the longest, best-weighted runs that do not overlap; the terms sharing the
 * chosen run stay together as candidates for the parser to resolve in context.
 */
final class Mentions {

    private Mentions() {
    }

    static List<Mention> find(List<Token> tokens, Vocabulary vocabulary) {
        List<Mention> all = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (Term term : vocabulary.terms()) {
                if (matchesAt(tokens, i, term.words(), term.kind() == Term.Kind.COLUMN)) {
                    int length = tokens.get(i).quoted() ? 1 : term.words().size();
                    all.add(new Mention(i, i + length, List.of(term)));
                }
            }
        }
        all.sort(Comparator.comparingInt((Mention m) -> m.end() - m.start()).reversed()
                .thenComparing(m -> -m.candidates().getFirst().weight()));
        List<Mention> chosen = new ArrayList<>();
        for (Mention m : all) {
            Mention same = chosen.stream().filter(c -> c.start() == m.start() && c.end() == m.end()).findFirst().orElse(null);
            if (same != null) {
                List<Term> merged = new ArrayList<>(same.candidates());
                merged.add(m.candidates().getFirst());
                chosen.set(chosen.indexOf(same), new Mention(m.start(), m.end(), merged));
            } else if (chosen.stream().noneMatch(c -> c.start() < m.end() && m.start() < c.end())) {
                chosen.add(m);
            }
        }
        chosen.sort(Comparator.comparingInt(Mention::start));
        return chosen;
    }

    /** Whether the term's words are at {@code start}; a column's short name word (qty, shpng) meets the word it shortens. */
    private static boolean matchesAt(List<Token> tokens, int start, List<String> words, boolean column) {
        if (words.isEmpty() || start + words.size() > tokens.size()) {
            return false;
        }
        if (tokens.get(start).quoted()) {
            return Words.of(tokens.get(start).raw()).equals(words);
        }
        for (int k = 0; k < words.size(); k++) {
            Token t = tokens.get(start + k);
            if (t.quoted() || !same(t.word(), words.get(k)) && !(column && Abbreviations.shortens(words.get(k), t.word()))) {
                return false;
            }
        }
        return true;
    }

    static boolean same(String questionWord, String termWord) {
        return questionWord.equals(termWord)
                || questionWord.length() > 3 && termWord.length() > 3 && Stem.of(questionWord).equals(Stem.of(termWord))
                || questionWord.length() > 6 && termWord.length() > 4 && Stem.ofNoun(questionWord).equals(Stem.of(termWord));
    }
}
