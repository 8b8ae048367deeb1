package io.dbchat.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.postgresql.codec.Interval;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping of decoded values to JSON-ready ones, value by value. */
class JsonValuesTest {

    @Test
    void writesIntervalsAsIsoDurationsWithExactSeconds() {
        assertThat(JsonValues.iso(Interval.of(1, 2, 3, 4, 5, 6.5))).isEqualTo("P1Y2M3DT4H5M6.5S");
        assertThat(JsonValues.iso(Interval.of(0, 0, -1, 0, 0, 0))).isEqualTo("P-1D");
        assertThat(JsonValues.iso(Interval.ZERO)).isEqualTo("PT0S");
    }

    @Test
    void keepsExactNumbersAndWritesTimesAsIso() {
        assertThat(JsonValues.map(new BigDecimal("0.10"))).isEqualTo(new BigDecimal("0.10"));
        assertThat(JsonValues.map(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("2024-01-02T03:04:05+02:00");
        assertThat(JsonValues.map(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
    }

    @Test
    void writesBytesAsBase64AndArraysAsLists() {
        assertThat(JsonValues.map(ByteBuffer.wrap(new byte[] {(byte) 0xde, (byte) 0xad}))).isEqualTo("3q0=");
        assertThat(JsonValues.map(new Integer[] {1, null})).isEqualTo(java.util.Arrays.asList(1, null));
        assertThat(JsonValues.map(new long[] {1L, 2L})).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void writesNonFiniteFloatsAsText() {
        assertThat(JsonValues.map(Double.NaN)).isEqualTo("NaN");
        assertThat(JsonValues.map(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }
}
