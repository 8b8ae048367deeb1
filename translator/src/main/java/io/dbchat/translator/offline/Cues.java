package io.dbchat.translator.offline;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The question words that ask for an operation rather than name part of the schema. */
final class Cues {

    static final Map<String, Intent.Aggregate> AGGREGATES = Map.ofEntries(
            Map.entry("average", Intent.Aggregate.AVG), Map.entry("avg", Intent.Aggregate.AVG),
            Map.entry("mean", Intent.Aggregate.AVG), Map.entry("total", Intent.Aggregate.SUM),
            Map.entry("sum", Intent.Aggregate.SUM), Map.entry("minimum", Intent.Aggregate.MIN),
            Map.entry("min", Intent.Aggregate.MIN), Map.entry("maximum", Intent.Aggregate.MAX),
            Map.entry("max", Intent.Aggregate.MAX));

    /** Superlatives: true when they rank descending. */
    static final Map<String, Boolean> SUPERLATIVES = Map.ofEntries(
            Map.entry("highest", true), Map.entry("largest", true), Map.entry("biggest", true),
            Map.entry("greatest", true), Map.entry("most", true), Map.entry("maximum", true), Map.entry("max", true),
            Map.entry("lowest", false), Map.entry("smallest", false), Map.entry("least", false),
            Map.entry("fewest", false), Map.entry("minimum", false), Map.entry("min", false),
            Map.entry("oldest", false), Map.entry("youngest", true), Map.entry("newest", true),
            Map.entry("latest", true), Map.entry("earliest", false), Map.entry("recent", true), Map.entry("recently", true),
            Map.entry("cheapest", false), Map.entry("expensive", true), Map.entry("priciest", true),
            Map.entry("longest", true), Map.entry("shortest", false), Map.entry("soonest", false),
            Map.entry("dearest", true), Map.entry("heaviest", true), Map.entry("lightest", false));

    /** Words of the columns a superlative without a column means, best first. */
    static final Map<String, List<String>> IMPLIED = Map.ofEntries(
            Map.entry("oldest", List.of("birth", "born", "founded", "created", "established", "published", "built", "made",
                    "since", "hired", "joined", "start", "year", "date")),
            Map.entry("youngest", List.of("birth", "born", "founded", "created", "established", "date")),
            Map.entry("newest", List.of("created", "added", "founded", "published", "built", "made", "hired", "joined", "since",
                    "start", "date")),
            Map.entry("latest", List.of("created", "added", "issued", "date", "start", "hired", "joined", "since")),
            Map.entry("recent", List.of("created", "added", "issued", "date", "start", "hired", "joined", "since")),
            Map.entry("recently", List.of("created", "added", "issued", "date", "start", "hired", "joined", "since")),
            Map.entry("earliest", List.of("created", "added", "issued", "start", "date", "hired", "joined", "since")),
            Map.entry("soonest", List.of("start", "date", "scheduled", "due")),
            Map.entry("cheapest", List.of("price", "cost", "amount", "budget", "fee", "rate", "total", "salary")),
            Map.entry("expensive", List.of("price", "cost", "amount", "budget", "fee", "rate", "total", "salary")),
            Map.entry("priciest", List.of("price", "cost", "amount", "budget", "fee", "rate", "total")),
            Map.entry("dearest", List.of("price", "cost", "amount", "budget", "fee", "rate", "total")),
            Map.entry("heaviest", List.of("weight", "mass", "kg", "tonne", "ton", "lb")),
            Map.entry("lightest", List.of("weight", "mass", "kg", "tonne", "ton", "lb")),
            Map.entry("largest", List.of("amount", "total", "budget", "size", "price", "quantity", "salary", "value", "capacity")),
            Map.entry("biggest", List.of("amount", "total", "budget", "size", "price", "quantity", "salary", "value", "capacity")),
            Map.entry("smallest", List.of("amount", "total", "budget", "size", "price", "quantity", "salary", "value", "capacity")),
            Map.entry("longest", List.of("duration", "length", "hour", "page", "minute", "day")),
            Map.entry("shortest", List.of("duration", "length", "hour", "page", "minute", "day")));

    static final Set<String> GREATER = Set.of("more", "greater", "over", "above", "exceeding", "exceed", "larger",
            "bigger", "higher", "longer", "older");
    static final Set<String> LESS = Set.of("less", "fewer", "under", "below", "smaller", "lower", "shorter",
            "cheaper", "younger");

    static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private Cues() {
    }
}
