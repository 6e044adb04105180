package io.onair.launch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server run from the binaries that io.zonky ships on Maven Central, with its
 * data in a directory that outlives the process, listening on loopback only. It holds one database,
 * {@code onair}, created on the first start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final String DATABASE = "onair";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts PostgreSQL on a free loopback port with its data under {@code dataDirectory}. */
  public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
    return start(dataDirectory, freePort());
  }

  /** Starts PostgreSQL on a given loopback port with its data under {@code dataDirectory}. */
  public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
    Files.createDirectories(dataDirectory);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            // The default 10 s is too short for a first initdb on a busy two-core machine.
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    EmbeddedDatabase database = new EmbeddedDatabase(postgres);
    database.createDatabaseIfMissing();
    return database;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void createDatabaseIfMissing() throws IOException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          try (Statement create = c.createStatement()) {
            create.execute("create database " + DATABASE);
          }
        }
      }
    } catch (SQLException e) {
      throw new IOException("cannot create the database '" + DATABASE + "'", e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  /** The superuser of an embedded server; it accepts loopback connections without a password. */
  public String user() {
    return "postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
