package io.dbchat.translator.offline;

import java.util.Set;

/** Words that carry no schema meaning in a question: they neither match schema terms nor lower confidence. */
final class Stopwords {

    private static final Set<String> WORDS = Set.copyOf(java.util.List.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with",
            "and", "or", "is", "are", "was", "were", "be", "been", "do", "doe", "does", "did", "have", "has", "had",
            "what", "which", "who", "whom", "whose", "how", "many", "much", "there", "me", "my", "our", "we", "i",
            "you", "your", "it", "its", "their", "them", "they", "that", "this", "these", "those", "show", "list",
            "give", "display", "find", "get", "tell", "all", "every", "each", "any", "some", "please", "can", "could",
            "would", "will", "from", "as", "than", "then", "so", "one", "ones", "only", "just", "also", "about",
            "whose", "where", "when", "whom", "e", "g", "etc", "currently", "now", "exist", "existing", "record",
            "row", "entry", "data", "information", "info", "detail", "value", "s", "let", "u", "see", "want",
            "know", "like", "into", "out", "up", "being", "thing", "stuff", "what's", "whats", "here", "else",
            "together", "along", "altogether", "overall", "database", "table", "please", "ok", "okay", "too"));

    private Stopwords() {
    }

    static boolean is(String word) {
        return WORDS.contains(word);
    }
}
