package io.dbchat.contracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void readsTheFormUsersWrite() {
        var url = PostgresUrl.parse("postgresql://127.0.0.1:5432/shop");

        assertThat(url.host()).isEqualTo("127.0.0.1");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("shop");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/shop");
    }

    @Test
    void acceptsDriverPrefixesCredentialsAndOptions() {
        var url = PostgresUrl.parse("jdbc:postgres://ann:p%40ss@db.example:6543/hr?sslmode=require");

        assertThat(url.username()).isEqualTo("ann");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.options()).containsEntry("sslmode", "require");
    }

    @Test
    void separateCredentialsWin() {
        var url = PostgresUrl.parse("r2dbc:postgresql://ann@h/db").withCredentials("bob", "secret");

        assertThat(url.username()).isEqualTo("bob");
        assertThat(url.password()).isEqualTo("secret");
        assertThat(url.port()).isEqualTo(5432);
    }

    @Test
    void rejectsWhatIsNotPostgres() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://h/db")).hasMessageContaining("Not a PostgreSQL URL");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://h")).hasMessageContaining("needs a host and a database");
        assertThatThrownBy(() -> PostgresUrl.parse(" ")).hasMessageContaining("required");
    }
}
