package io.dbchat.schemapublisher.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowEstimatesTest {

    @Test
    void keepsTwoSignificantFiguresSoSmallDriftDoesNotChangeTheSnapshot() {
        assertThat(RowEstimates.round(3)).isEqualTo(3);
        assertThat(RowEstimates.round(99)).isEqualTo(99);
        assertThat(RowEstimates.round(1234)).isEqualTo(1200);
        assertThat(RowEstimates.round(1249)).isEqualTo(RowEstimates.round(1210));
        assertThat(RowEstimates.round(98_765_432)).isEqualTo(99_000_000);
    }

    @Test
    void publishesUnknownEstimatesAsZero() {
        assertThat(RowEstimates.round(-1)).isZero();
    }
}
