package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a rewritten marked text at its parameters, and rendering it with another statement's literals. */
class TemplateTest {

    private static final List<Shape.Literal> LITERALS = List.of(
            new Shape.Literal(Shape.Type.STRING, "it's"), new Shape.Literal(Shape.Type.INTEGER, "7"));

    @Test
    void rendersEachPlaceWithItsLiteralAndKeepsQuotedMarkersAsText() {
        Template template = Template.of("SELECT '?1', \"?2\" FROM t WHERE a = ?1 AND b > ?2 GROUP BY ?1", 2);

        assertThat(template.render(LITERALS))
                .isEqualTo("SELECT '?1', \"?2\" FROM t WHERE a = 'it''s' AND b > 7 GROUP BY 'it''s'");
    }

    @Test
    void refusesMarkersThatAreMissingOutOfOrderOrUnknown() {
        assertThat(Template.of("SELECT ?1", 2)).isNull();
        assertThat(Template.of("SELECT ?2, ?1", 2)).isNull();
        assertThat(Template.of("SELECT ?1, ?2, ?3", 2)).isNull();
        assertThat(Template.of("SELECT ?1, ?", 1)).isNull();
        assertThat(Template.of("SELECT 'open", 0)).isNull();
        assertThat(Template.of("SELECT ?1, ?2", 2)).isNotNull();
    }
}
