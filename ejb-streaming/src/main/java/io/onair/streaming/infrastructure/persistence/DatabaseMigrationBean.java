package io.onair.streaming.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Migrates the schema when the application starts, before any other bean uses the database (they
 * declare {@code @DependsOn} on this bean). A failed migration fails the deployment: running on a
 * schema the code does not expect would lose data quietly.
 *
 * <p>Bean-managed transactions: Flyway commits each migration itself, which a container transaction
 * around it would forbid.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrationBean {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrationBean.class.getName());

  @Resource(lookup = "jdbc/onair")
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    String version = new SchemaMigration(dataSource).migrate();
    LOG.info(() -> "Database schema is at version " + version + ".");
  }
}
