package io.dbchat.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.eval.ResultComparator.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultComparatorTest {

    @Test
    void matchesTheSameRowsInAnyOrderWhenTheGoldDoesNotOrder() {
        var gold = result(List.of("name"), row("Apollo"), row("Borealis"));
        var generated = result(List.of("name"), row("Borealis"), row("Apollo"));

        assertThat(ResultComparator.compare(gold, generated, false).match()).isTrue();
    }

    @Test
    void requiresTheGoldOrderWhenTheGoldOrders() {
        var gold = result(List.of("name"), row("Apollo"), row("Borealis"));
        var generated = result(List.of("name"), row("Borealis"), row("Apollo"));

        var verdict = ResultComparator.compare(gold, generated, true);

        assertThat(verdict.match()).isFalse();
        assertThat(verdict.reason()).contains("ordered");
    }

    @Test
    void countsDuplicatesAsTheGoldHasThem() {
        var gold = result(List.of("city"), row("Berlin"), row("Berlin"), row("Lisbon"));
        var deduplicated = result(List.of("city"), row("Berlin"), row("Lisbon"));
        var otherDuplicates = result(List.of("city"), row("Berlin"), row("Lisbon"), row("Lisbon"));

        assertThat(ResultComparator.compare(gold, deduplicated, false).match()).isFalse();
        assertThat(ResultComparator.compare(gold, otherDuplicates, false).match()).isFalse();
        assertThat(ResultComparator.compare(gold, result(List.of("c"), row("Lisbon"), row("Berlin"), row("Berlin")), false).match()).isTrue();
    }

    @Test
    void toleratesExtraColumnsWhenAllGoldColumnsArePresentInAnyPosition() {
        var gold = result(List.of("name", "budget"), row("Apollo", new BigDecimal("100.00")), row("Ion", new BigDecimal("50.00")));
        var generated = result(List.of("id", "budget", "name", "status"),
                row(1, new BigDecimal("100.00"), "Apollo", "Done"), row(9, new BigDecimal("50.00"), "Ion", "Open"));

        assertThat(ResultComparator.compare(gold, generated, false).match()).isTrue();
    }

    @Test
    void missesWhenAGoldColumnIsAbsent() {
        var gold = result(List.of("first_name", "last_name"), row("Ada", "Lovelace"));
        var generated = result(List.of("first_name"), row("Ada"));

        var verdict = ResultComparator.compare(gold, generated, false);

        assertThat(verdict.match()).isFalse();
        assertThat(verdict.reason()).contains("expected 2 columns, got 1");
    }

    @Test
    void keepsRowsTogetherWhenMatchingColumns() {
        var gold = result(List.of("a", "b"), row("x", 1), row("y", 2));
        var shuffledWithinColumns = result(List.of("a", "b"), row("x", 2), row("y", 1));

        assertThat(ResultComparator.compare(gold, shuffledWithinColumns, false).match()).isFalse();
    }

    @Test
    void comparesNumbersByValueAtTheCoarserScale() {
        var gold = result(List.of("avg"), row(new BigDecimal("71234.5678901234")));
        var rounded = result(List.of("avg_salary"), row(new BigDecimal("71234.57")));
        var wrong = result(List.of("avg_salary"), row(new BigDecimal("71234.58")));

        assertThat(ResultComparator.compare(gold, rounded, false).match()).isTrue();
        assertThat(ResultComparator.compare(gold, wrong, false).match()).isFalse();
        assertThat(ResultComparator.compare(result(List.of("n"), row(5L)), result(List.of("count"), row(new BigDecimal("5.00"))), false).match()).isTrue();
        assertThat(ResultComparator.compare(result(List.of("n"), row(42.0d)), result(List.of("age"), row(42)), false).match()).isTrue();
    }

    @Test
    void treatsNullAsEqualOnlyToNull() {
        var gold = result(List.of("email"), row((Object) null), row("a@b.c"));

        assertThat(ResultComparator.compare(gold, result(List.of("e"), row("a@b.c"), row((Object) null)), false).match()).isTrue();
        assertThat(ResultComparator.compare(gold, result(List.of("e"), row("a@b.c"), row("")), false).match()).isFalse();
        assertThat(ResultComparator.compare(gold, result(List.of("e"), row("a@b.c"), row("null")), false).match()).isFalse();
    }

    @Test
    void comparesDatesAndBooleansByValue() {
        var gold = result(List.of("d", "b"), row(LocalDate.of(2024, 1, 31), true));
        var generated = result(List.of("b", "d"), row(true, LocalDate.of(2024, 1, 31)));

        assertThat(ResultComparator.compare(gold, generated, false).match()).isTrue();
    }

    @Test
    void matchesTwoEmptyResultsAndNothingElseAgainstEmpty() {
        var empty = result(List.of("name"));

        assertThat(ResultComparator.compare(empty, result(List.of("x", "y")), false).match()).isTrue();
        assertThat(ResultComparator.compare(empty, result(List.of("x"), row("a")), false).reason()).contains("expected 0 rows, got 1");
    }

    @Test
    void seesOnlyATopLevelOrderByAsOrdering() {
        assertThat(ResultComparator.ordersRows("SELECT name FROM t ORDER BY budget DESC LIMIT 5")).isTrue();
        assertThat(ResultComparator.ordersRows("select name from t\norder\tby 1")).isTrue();
        assertThat(ResultComparator.ordersRows("SELECT * FROM (SELECT name FROM t ORDER BY name LIMIT 3) s")).isFalse();
        assertThat(ResultComparator.ordersRows("SELECT string_agg(name, ',' ORDER BY name) FROM t")).isFalse();
        assertThat(ResultComparator.ordersRows("SELECT 'order by' AS x FROM t")).isFalse();
    }

    private static Result result(List<String> columns, List<?>... rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<?> r : rows) {
            out.add(new ArrayList<>(r));
        }
        return new Result(columns, out);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
