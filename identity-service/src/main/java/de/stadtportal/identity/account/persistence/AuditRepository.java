package de.stadtportal.identity.account.persistence;

import de.stadtportal.identity.account.domain.AuditEntry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code account_audit} table: appended to, never changed. */
@Repository
public class AuditRepository {

    private static final String APPEND = """
            INSERT INTO account_audit (actor, subject, action, what, changed_at)
            VALUES (:actor, :subject, :action, :what, :at)
            """;
    private static final String OF = """
            SELECT actor, subject, action, what, changed_at FROM account_audit
             WHERE subject = :subject ORDER BY id
            """;

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(AuditEntry entry) {
        jdbc.sql(APPEND).param("actor", entry.actor()).param("subject", entry.subject())
                .param("action", entry.action()).param("what", entry.what())
                .param("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC)).update();
    }

    public List<AuditEntry> of(String subject) {
        return jdbc.sql(OF).param("subject", subject).query((row, n) -> new AuditEntry(row.getString("actor"),
                row.getString("subject"), row.getString("action"), row.getString("what"),
                row.getObject("changed_at", OffsetDateTime.class).toInstant())).list();
    }
}
