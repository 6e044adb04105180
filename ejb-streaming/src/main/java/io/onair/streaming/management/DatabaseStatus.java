package io.onair.streaming.management;

import io.onair.streaming.infrastructure.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Whether the database answers and carries the schema version this build expects. */
@Stateless
public class DatabaseStatus {

  @Resource(lookup = "jdbc/onair")
  private DataSource dataSource;

  /** Empty when the database is usable, else what is wrong with it. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<String> problem() {
    try (Connection connection = dataSource.getConnection()) {
      Optional<String> applied = SchemaMigration.appliedVersion(connection);
      if (applied.isEmpty()) {
        return Optional.of("schema not migrated");
      }
      if (!applied.get().equals(SchemaMigration.EXPECTED_VERSION)) {
        return Optional.of(
            "schema at version "
                + applied.get()
                + ", expected "
                + SchemaMigration.EXPECTED_VERSION);
      }
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of("database unreachable: " + e.getMessage());
    }
  }
}
