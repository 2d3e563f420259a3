package de.stadtportal.identity.account.persistence;

import de.stadtportal.identity.account.domain.Account;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code account} table. */
@Repository
public class AccountRepository {

    private static final String FIND = """
            SELECT username, password_hash, roles, cities, enabled FROM account WHERE username = :username
            """;
    private static final String LIST = """
            SELECT username, password_hash, roles, cities, enabled FROM account ORDER BY username LIMIT :limit
            """;
    private static final String INSERT = """
            INSERT INTO account (username, password_hash, roles, cities, enabled, created_at, changed_at)
            VALUES (:username, :passwordHash, :roles, :cities, :enabled, :at, :at)
            ON CONFLICT (username) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE account SET password_hash = :passwordHash, roles = :roles, cities = :cities, enabled = :enabled,
                   changed_at = :at
             WHERE username = :username
            """;

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql(FIND).param("username", username).query(AccountRepository::account).optional();
    }

    public List<Account> list(int limit) {
        return jdbc.sql(LIST).param("limit", limit).query(AccountRepository::account).list();
    }

    /** Stores a new account; false if the name is taken. */
    public boolean insert(Account account, Instant at) {
        return bind(jdbc.sql(INSERT), account, at).update() == 1;
    }

    public void update(Account account, Instant at) {
        bind(jdbc.sql(UPDATE), account, at).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Account account, Instant at) {
        return statement.param("username", account.username())
                .param("passwordHash", account.passwordHash())
                .param("roles", account.roles().stream().sorted().toArray(String[]::new))
                .param("cities", account.cities().stream().sorted().toArray(String[]::new))
                .param("enabled", account.enabled())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static Account account(ResultSet row, int number) throws SQLException {
        return new Account(row.getString("username"), row.getString("password_hash"), strings(row, "roles"),
                strings(row, "cities"), row.getBoolean("enabled"));
    }

    private static Set<String> strings(ResultSet row, String column) throws SQLException {
        return Set.of((String[]) row.getArray(column).getArray());
    }
}
