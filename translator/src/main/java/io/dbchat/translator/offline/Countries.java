package io.dbchat.translator.offline;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "carriers based in Poland" where countries are stored as 'PL', "our French guests" where they are stored as 'France':
 * a country named by its English name or its people's adjective, read against a column of countries (its name says
 * country or nationality) by the spelling the catalog published for it: the ISO code or the English name. The names
 * and codes come from the JDK's locale data; the adjectives are a short list of common ones. Always stated as assumed.
 */
final class Countries {

    /** Adjectives of the countries people most often ask about, to the English name. */
    private static final Map<String, String> ADJECTIVES = Map.ofEntries(Map.entry("french", "France"),
            Map.entry("german", "Germany"), Map.entry("spanish", "Spain"), Map.entry("italian", "Italy"),
            Map.entry("dutch", "Netherlands"), Map.entry("polish", "Poland"), Map.entry("irish", "Ireland"),
            Map.entry("british", "United Kingdom"), Map.entry("american", "United States"), Map.entry("canadian", "Canada"),
            Map.entry("swiss", "Switzerland"), Map.entry("swedish", "Sweden"), Map.entry("danish", "Denmark"),
            Map.entry("norwegian", "Norway"), Map.entry("finnish", "Finland"), Map.entry("portuguese", "Portugal"),
            Map.entry("greek", "Greece"), Map.entry("belgian", "Belgium"), Map.entry("austrian", "Austria"),
            Map.entry("chinese", "China"), Map.entry("japanese", "Japan"), Map.entry("indian", "India"),
            Map.entry("brazilian", "Brazil"), Map.entry("mexican", "Mexico"), Map.entry("australian", "Australia"),
            Map.entry("nigerian", "Nigeria"), Map.entry("kenyan", "Kenya"), Map.entry("turkish", "Turkey"),
            Map.entry("czech", "Czechia"), Map.entry("hungarian", "Hungary"), Map.entry("romanian", "Romania"));
    private static final Map<String, String> CODES = codes();

    private final IntentParser p;

    Countries(IntentParser parser) {
        this.p = parser;
    }

    void apply() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i) || p.token(i).quoted()) {
                continue;
            }
            int end = i + 1;
            String name = null;
            for (int k = Math.min(i + 3, p.tokens().size()); k > i && name == null; k--) {
                String typed = String.join(" ", p.tokens().subList(i, k).stream().map(Token::lower).toList());
                if (p.token(i).isCapitalized() && CODES.containsKey(typed)) {
                    name = typed;
                    end = k;
                }
            }
            if (name == null && ADJECTIVES.containsKey(p.token(i).lower()) && p.token(i).isCapitalized()) {
                name = ADJECTIVES.get(p.token(i).lower()).toLowerCase(Locale.ROOT);
            }
            if (name == null || !free(i, end)) {
                continue;
            }
            Optional<Col> column = countryColumn();
            String code = CODES.get(name);
            if (column.isEmpty() || code == null) {
                continue;
            }
            String asked = name;
            List<String> values = column.get().column().values();
            String english = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            Optional<String> stored = values.stream().filter(v -> v.equalsIgnoreCase(code) || v.equalsIgnoreCase(english)
                    || v.equalsIgnoreCase(asked)).findFirst();
            String value = stored.orElse(values.isEmpty() ? english : null);
            if (value == null) {
                continue;  // published values that hold neither spelling: the name is left for the ask-back
            }
            // "buyers outside the UK", "suppliers not in France": the rows' own country is another one
            int outside = p.is(i - 1, "outside") ? i - 1 : p.is(i - 1, "the") && p.is(i - 2, "outside") ? i - 2 : -1;
            int denial = outside >= 0 && !p.used(outside) ? outside : Denials.of(p, i);
            boolean other = denial >= 0 && column.get().table().equals(p.intent().table);
            p.intent().filter(column.get(), "%1$s " + (other ? "<>" : "=") + " " + Sql.literal(value, column.get()));
            if (other) {
                Denials.use(p, denial);
            }
            p.assume("'" + String.join(" ", p.tokens().subList(other ? denial : i, end).stream().map(Token::raw).toList()) + "' read as "
                    + column.get().name() + (other ? " <> '" : " = '") + value + "'");
            p.use(i, end);
        }
    }

    /** Words no other reader took and that name nothing: a stored value is left to {@link ValueFilters} ("France or Spain"). */
    private boolean free(int from, int to) {
        for (int k = from; k < to; k++) {
            Mention m = p.mentionAt(k);
            if (p.used(k) || m != null) {
                return false;
            }
        }
        return true;
    }

    /** The one column of countries of the main table, else of the one table it reaches that has one. */
    private Optional<Col> countryColumn() {
        List<Col> own = Schema.visible(p.intent().table).stream().filter(Countries::ofCountries).toList();
        if (!own.isEmpty()) {
            return own.size() == 1 ? Optional.of(own.getFirst()) : Optional.empty();
        }
        List<Col> related = p.intent().tables.stream().filter(t -> !t.equals(p.intent().table) && Schema.related(p.intent().table, t))
                .flatMap(t -> Schema.visible(t).stream()).filter(Countries::ofCountries).toList();
        return related.size() == 1 ? Optional.of(related.getFirst()) : Optional.empty();
    }

    private static boolean ofCountries(Col c) {
        List<String> words = c.words();
        return c.isText() && (words.contains("country") || words.contains("nationality"));
    }

    /** Each country's English name, lower case, to its ISO 3166 code. */
    private static Map<String, String> codes() {
        Map<String, String> out = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            out.put(Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        out.put("uk", "GB");
        out.put("usa", "US");
        out.put("holland", "NL");
        out.putIfAbsent("turkey", "TR");
        return Map.copyOf(out);
    }
}
