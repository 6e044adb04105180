package io.onair.streaming.infrastructure.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema migrations (Flyway, {@code db/migration} on the class path) as one plain class, so the
 * same code migrates the server's database at deployment and a test's database in a unit test.
 */
public final class SchemaMigration {

  /** The schema version the code in this build expects; the last migration script's version. */
  public static final String EXPECTED_VERSION = "5";

  private final Flyway flyway;

  public SchemaMigration(DataSource dataSource) {
    this.flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load();
  }

  /** Applies what is pending; returns the version the schema is at afterwards. */
  public String migrate() {
    MigrateResult result = flyway.migrate();
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
  }

  /**
   * The version of the last migration applied successfully, read with one query (no class path
   * scan, so it is cheap enough for every readiness probe); empty before the first migration.
   */
  public static Optional<String> appliedVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select version from flyway_schema_history where success and version is not null"
                    + " order by installed_rank desc limit 1")) {
      return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) { // undefined_table: never migrated
        return Optional.empty();
      }
      throw e;
    }
  }
}
