package io.dbchat.interpreter.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnMeta;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void numbersGetThousandsSeparatorsAndKeepTheirScale() {
        assertThat(Values.format(ColumnKind.NUMBER, 1234567L)).isEqualTo("1,234,567");
        assertThat(Values.format(ColumnKind.NUMBER, new BigDecimal("1234.500"))).isEqualTo("1,234.500");
        assertThat(Values.format(ColumnKind.NUMBER, new BigDecimal("2.345678901"))).isEqualTo("2.35");
    }

    @Test
    void moneyIsInDollarsWithCents() {
        assertThat(Values.format(ColumnKind.MONEY, new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
        assertThat(Values.format(ColumnKind.MONEY, -12)).isEqualTo("-$12.00");
        assertThat(Values.format(ColumnKind.MONEY, "$1,234.50")).isEqualTo("$1,234.50");
    }

    @Test
    void datesAndTimesAreReadable() {
        assertThat(Values.format(ColumnKind.DATE, "2024-03-12")).isEqualTo("12 March 2024");
        assertThat(Values.format(ColumnKind.TIMESTAMP, "2024-03-12T09:30:00")).isEqualTo("12 March 2024, 09:30");
        assertThat(Values.format(ColumnKind.TIMESTAMP, "2024-03-12T00:00:00+01:00")).isEqualTo("12 March 2024");
        assertThat(Values.format(ColumnKind.DATE, "infinity")).isEqualTo("infinity");
    }

    @Test
    void periodBucketsReadAsThePeriodNotItsFirstDay() {
        assertThat(Values.format(new ColumnMeta("month", "timestamptz"), "2025-01-01T00:00:00Z")).isEqualTo("January 2025");
        assertThat(Values.format(new ColumnMeta("month", "date"), "2025-03-01")).isEqualTo("March 2025");
        assertThat(Values.format(new ColumnMeta("quarter", "timestamp"), "2025-04-01T00:00:00")).isEqualTo("Q2 2025");
        assertThat(Values.format(new ColumnMeta("year", "timestamp"), "2024-01-01T00:00:00")).isEqualTo("2024");
        // a day that starts no period, or a column named otherwise, is a plain date
        assertThat(Values.format(new ColumnMeta("month", "date"), "2025-03-12")).isEqualTo("12 March 2025");
        assertThat(Values.format(new ColumnMeta("hired_on", "date"), "2025-03-01")).isEqualTo("1 March 2025");
    }

    @Test
    void yearsAreNotGroupedInThousands() {
        assertThat(Values.format(ColumnKind.of(new ColumnMeta("year", "float8")), new BigDecimal("2024.0"))).isEqualTo("2024");
    }

    @Test
    void moneyInItsTextFormIsStillANumber() {
        assertThat(Values.numeric("$1,234.50")).isEqualByComparingTo("1234.50");
        assertThat(Values.numeric("($12.00)")).isEqualByComparingTo("-12");
        assertThat(Values.numeric("NaN")).isNull();
        assertThat(Values.numeric(7L)).isEqualByComparingTo("7");
    }

    @Test
    void booleansAndEmptyValuesReadAsWords() {
        assertThat(Values.format(ColumnKind.BOOLEAN, true)).isEqualTo("yes");
        assertThat(Values.format(ColumnKind.TEXT, null)).isEqualTo("(empty)");
    }

    @Test
    void columnKindsComeFromTheTypeAndForMoneyFromTheName() {
        assertThat(ColumnKind.of(new ColumnMeta("x", "money"))).isEqualTo(ColumnKind.MONEY);
        assertThat(ColumnKind.of(new ColumnMeta("unit_price", "numeric"))).isEqualTo(ColumnKind.MONEY);
        assertThat(ColumnKind.of(new ColumnMeta("priced", "numeric"))).isEqualTo(ColumnKind.NUMBER);
        assertThat(ColumnKind.of(new ColumnMeta("created_at", "timestamptz"))).isEqualTo(ColumnKind.TIMESTAMP);
        assertThat(ColumnKind.of(new ColumnMeta("status", "task_status"))).isEqualTo(ColumnKind.TEXT);
        assertThat(ColumnKind.isMeasure(new ColumnMeta("project_id", "int8"))).isFalse();
        assertThat(ColumnKind.isMeasure(new ColumnMeta("hours", "float8"))).isTrue();
    }
}
