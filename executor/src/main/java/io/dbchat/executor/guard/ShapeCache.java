package io.dbchat.executor.guard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Remembers verdicts by statement shape (datasource, schema version and {@link Shape#key()}), so that a new text of
 * a known shape — the same question with other values — is answered without parsing: its own literals are rendered
 * into the shape's {@link Template}.
 * <p>
 * A shape is admitted on its second sighting. The first one is checked in full and its literals and verdict are
 * kept; the second one checks the shape's marked text (literals as numbered parameters) and keeps the template only
 * if rendering it with the first statement's literals gives exactly the first statement's verdict. A shape that
 * fails this, or whose first verdict depends on where the text was cut (a parse error), is marked unusable and always
 * checked in full. Least recently used shapes go first.
 */
final class ShapeCache {

    /** Verdicts that quote the statement's position or that the walker could not classify are never reused. */
    private static final Set<String> UNSHAREABLE = Set.of("sql.parse_error", "sql.unsupported");

    private sealed interface Known {
    }

    private record Seen(List<Shape.Literal> literals, GuardResult verdict) implements Known {
    }

    private record Accepts(Template template, List<String> policies) implements Known {
    }

    private record Refuses(GuardResult.Rejected verdict) implements Known {
    }

    private enum Unusable implements Known { SHAPE }

    private final Map<String, Known> entries;
    private final LongAdder answered = new LongAdder();

    ShapeCache(int capacity) {
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > capacity;
            }
        });
    }

    /**
     * The verdict for a statement of this shape: from the shape's template if known, else {@code full} (the whole
     * check of the statement itself); {@code marked} is the guard's verdict on a marked text, parameters allowed.
     */
    GuardResult get(String scope, Shape shape, Supplier<GuardResult> full, Function<String, GuardResult> marked) {
        String key = scope + '\u0000' + shape.key();
        Known entry = entries.get(key);
        return switch (entry) {
            case null -> {
                GuardResult verdict = full.get();
                entries.put(key, shareable(verdict) ? new Seen(shape.literals(), verdict) : Unusable.SHAPE);
                yield verdict;
            }
            case Seen seen -> {
                Known learnt = learn(seen, shape, marked.apply(shape.marked()));
                entries.put(key, learnt);
                yield answer(learnt, shape, full);
            }
            default -> answer(entry, shape, full);
        };
    }

    private GuardResult answer(Known entry, Shape shape, Supplier<GuardResult> full) {
        GuardResult verdict = switch (entry) {
            case Accepts accepts -> new GuardResult.Accepted(accepts.template().render(shape.literals()),
                    accepts.policies());
            case Refuses refuses -> refuses.verdict();
            default -> null;
        };
        if (verdict == null) {
            return full.get();
        }
        answered.increment();
        return verdict;
    }

    /** How many statements were answered from a shape's template or refusal, without parsing. */
    long answered() {
        return answered.sum();
    }

    private static Known learn(Seen first, Shape shape, GuardResult markedVerdict) {
        if (markedVerdict instanceof GuardResult.Accepted accepted
                && first.verdict() instanceof GuardResult.Accepted expected) {
            Template template = Template.of(accepted.sql(), shape.literals().size());
            if (template != null && template.render(first.literals()).equals(expected.sql())
                    && accepted.policies().equals(expected.policies())) {
                return new Accepts(template, accepted.policies());
            }
        }
        if (markedVerdict instanceof GuardResult.Rejected rejected && rejected.equals(first.verdict())) {
            return new Refuses(rejected);
        }
        return Unusable.SHAPE;
    }

    private static boolean shareable(GuardResult verdict) {
        return !(verdict instanceof GuardResult.Rejected r && UNSHAREABLE.contains(r.problem().code()));
    }
}
