package io.dbchat.schemapublisher.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExposurePolicyTest {

    private static ExposurePolicy.Lists include(String... patterns) {
        return new ExposurePolicy.Lists(List.of(patterns), List.of());
    }

    private static ExposurePolicy.Lists exclude(String... patterns) {
        return new ExposurePolicy.Lists(List.of(), List.of(patterns));
    }

    @Test
    void exposesEverythingByDefault() {
        ExposurePolicy all = ExposurePolicy.everything();

        assertThat(all.table("sales", "orders")).isTrue();
        assertThat(all.column("public", "users", "password_hash")).isTrue();
    }

    @Test
    void deniesAColumnByTableAndColumnOrFullyQualifiedIgnoringCase() {
        ExposurePolicy policy = new ExposurePolicy(ExposurePolicy.Lists.all(), ExposurePolicy.Lists.all(),
                exclude("users.password_hash", "hr.*.ssn"));

        assertThat(policy.column("public", "Users", "PASSWORD_HASH")).isFalse();
        assertThat(policy.column("hr", "people", "ssn")).isFalse();
        assertThat(policy.column("sales", "people", "ssn")).isTrue();
        assertThat(policy.column("public", "users", "email")).isTrue();
    }

    @Test
    void allowsOnlyAllowlistedSchemasAndTablesAndADenyWins() {
        ExposurePolicy policy = new ExposurePolicy(include("sales", "public"),
                new ExposurePolicy.Lists(List.of("sales.*", "users"), List.of("sales.secret_*")), ExposurePolicy.Lists.all());

        assertThat(policy.table("sales", "orders")).isTrue();
        assertThat(policy.table("public", "users")).isTrue();
        assertThat(policy.table("public", "orders")).isFalse();
        assertThat(policy.table("sales", "secret_prices")).isFalse();
        assertThat(policy.table("hr", "users")).isFalse();
    }

    @Test
    void treatsRegexCharactersInPatternsLiterally() {
        ExposurePolicy policy = new ExposurePolicy(ExposurePolicy.Lists.all(), exclude("Order Items (old)"),
                ExposurePolicy.Lists.all());

        assertThat(policy.table("public", "Order Items (old)")).isFalse();
        assertThat(policy.table("public", "Order Items old")).isTrue();
    }
}
