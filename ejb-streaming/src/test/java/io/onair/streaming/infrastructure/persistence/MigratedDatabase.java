package io.onair.streaming.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (embedded) migrated by this build's scripts, with the {@code onair} persistence
 * unit validated against it (Hibernate checks every mapped column) and run on local transactions:
 * what the repository and service tests run on. One per test class.
 */
public final class MigratedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final String migratedTo;
  private final EntityManagerFactory emf;

  private MigratedDatabase(EmbeddedPostgres postgres, String migratedTo, EntityManagerFactory emf) {
    this.postgres = postgres;
    this.migratedTo = migratedTo;
    this.emf = emf;
  }

  public static MigratedDatabase start() throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    String version = new SchemaMigration(postgres.getPostgresDatabase()).migrate();
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    settings.put("jakarta.persistence.jtaDataSource", postgres.getPostgresDatabase());
    settings.put("jakarta.persistence.nonJtaDataSource", postgres.getPostgresDatabase());
    settings.put("hibernate.transaction.jta.platform", "none");
    settings.put("jakarta.persistence.schema-generation.database.action", "none");
    settings.put("hibernate.hbm2ddl.auto", "validate");
    try {
      return new MigratedDatabase(
          postgres, version, Persistence.createEntityManagerFactory("onair", settings));
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  /** The schema version the migration reported. */
  public String migratedTo() {
    return migratedTo;
  }

  /** For plain JDBC: what the tests read and write behind JPA's back. */
  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /** Runs {@code work} in a transaction of its own and commits it. */
  public void inTransaction(Consumer<EntityManager> work) {
    fromTransaction(
        em -> {
          work.accept(em);
          return null;
        });
  }

  /** Runs {@code work} in a transaction of its own, commits it and returns what it returned. */
  public <T> T fromTransaction(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  /** An entity manager that is closed: whatever touches the database through it throws. */
  public EntityManager closedEntityManager() {
    EntityManager em = emf.createEntityManager();
    em.close();
    return em;
  }

  @Override
  public void close() throws IOException {
    try {
      emf.close();
    } finally {
      postgres.close();
    }
  }
}
