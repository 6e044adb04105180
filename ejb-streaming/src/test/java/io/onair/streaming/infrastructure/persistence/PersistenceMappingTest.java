package io.onair.streaming.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.domain.account.Account;
import io.onair.streaming.domain.account.Role;
import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.streamkey.StreamKey;
import io.onair.streaming.domain.streamkey.StreamKeySecret;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrations on a real PostgreSQL, and the entities against the migrated schema: Hibernate
 * validates every mapped column, so a migration and an entity cannot drift apart unnoticed.
 */
class PersistenceMappingTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

  private static MigratedDatabase db;

  @BeforeAll
  static void migrateAndValidate() throws IOException {
    db = MigratedDatabase.start();
    assertThat(db.migratedTo()).isEqualTo(SchemaMigration.EXPECTED_VERSION);
  }

  @AfterAll
  static void stop() throws IOException {
    if (db != null) {
      db.close();
    }
  }

  private static void inTransaction(Consumer<EntityManager> work) {
    db.inTransaction(work);
  }

  @Test
  void theExpectedVersionIsTheLastMigrationScript() throws IOException, URISyntaxException {
    Path scripts = Path.of(getClass().getResource("/db/migration").toURI());
    try (Stream<Path> files = Files.list(scripts)) {
      int highest =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.+\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElseThrow();
      assertThat(String.valueOf(highest)).isEqualTo(SchemaMigration.EXPECTED_VERSION);
    }
  }

  @Test
  void theAppliedVersionIsReadBackWithOneQuery() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(SchemaMigration.appliedVersion(c)).contains(SchemaMigration.EXPECTED_VERSION);
    }
  }

  @Test
  void migratingAgainChangesNothing() {
    assertThat(new SchemaMigration(db.dataSource()).migrate())
        .isEqualTo(SchemaMigration.EXPECTED_VERSION);
  }

  @Test
  void aChannelItsKeyAndABroadcastRoundTrip() {
    StreamKeySecret secret = StreamKeySecret.generate();
    inTransaction(
        em -> {
          Channel channel = new Channel(new ChannelName("round-trip"), "Round trip", T0);
          new JpaChannelRepository(em).add(channel);
          StreamKey key = new StreamKey(channel, secret, T0);
          new JpaStreamKeyRepository(em).add(key);
          new JpaBroadcastRepository(em)
              .add(Broadcast.start(key, "s-rt", "127.0.0.1:1", T0.plusSeconds(1)));
        });
    inTransaction(
        em -> {
          StreamKey key = new JpaStreamKeyRepository(em).findBySecret(secret).orElseThrow();
          assertThat(key.channel().name()).isEqualTo(new ChannelName("round-trip"));
          assertThat(key.hint()).isEqualTo(secret.hint());
          Broadcast live = new JpaBroadcastRepository(em).liveOf(key.channel()).orElseThrow();
          assertThat(live.startedAt()).isEqualTo(T0.plusSeconds(1));
          assertThat(new JpaBroadcastRepository(em).liveWith(key)).contains(live);
          assertThat(new JpaStreamKeyRepository(em).findBySecret(StreamKeySecret.generate()))
              .isEmpty();
        });
  }

  @Test
  void onlyTheHashOfAKeyIsStored() throws Exception {
    StreamKeySecret secret = StreamKeySecret.generate();
    inTransaction(
        em -> {
          Channel channel = new Channel(new ChannelName("hash-only"), "Hash only", T0);
          em.persist(channel);
          em.persist(new StreamKey(channel, secret, T0));
        });
    try (Connection c = db.dataSource().getConnection();
        var rows =
            c.createStatement()
                .executeQuery(
                    "select * from stream_key k join channel c on c.id = k.channel_id"
                        + " where c.name = 'hash-only'")) {
      assertThat(rows.next()).isTrue();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        assertThat(String.valueOf(rows.getObject(i))).doesNotContain(secret.reveal().substring(3));
      }
      assertThat(rows.getString("key_hash")).isEqualTo(secret.hash());
    }
  }

  @Test
  void theDatabaseRefusesASecondLiveBroadcastOnAChannel() {
    inTransaction(
        em -> {
          Channel channel = new Channel(new ChannelName("one-live"), "One live", T0);
          em.persist(channel);
          StreamKey key = new StreamKey(channel, StreamKeySecret.generate(), T0);
          em.persist(key);
          em.persist(Broadcast.start(key, "s-a", "127.0.0.1:1", T0));
        });
    assertThatThrownBy(
            () ->
                inTransaction(
                    em -> {
                      Channel channel =
                          new JpaChannelRepository(em)
                              .find(new ChannelName("one-live"))
                              .orElseThrow();
                      StreamKey other = new StreamKey(channel, StreamKeySecret.generate(), T0);
                      em.persist(other);
                      em.persist(Broadcast.start(other, "s-b", "127.0.0.1:2", T0));
                      em.flush();
                    }))
        .isInstanceOf(PersistenceException.class);
  }

  @Test
  void anAccountKeepsItsRolesAndIsFoundByRole() {
    inTransaction(
        em ->
            new JpaAccountRepository(em)
                .add(new Account("grace", "PBKDF2:hash", EnumSet.of(Role.ADMIN, Role.VIEWER), T0)));
    inTransaction(
        em -> {
          JpaAccountRepository accounts = new JpaAccountRepository(em);
          assertThat(accounts.find("grace").orElseThrow().roles())
              .containsExactlyInAnyOrder(Role.ADMIN, Role.VIEWER);
          assertThat(accounts.anyWithRole(Role.ADMIN)).isTrue();
          assertThat(accounts.anyWithRole(Role.BROADCASTER)).isFalse();
        });
  }

  @Test
  void instantsKeepMicrosecondsInUtc() {
    Instant precise = T0.plus(123_456, ChronoUnit.MICROS);
    inTransaction(em -> em.persist(new Channel(new ChannelName("precise"), "Precise", precise)));
    inTransaction(
        em ->
            assertThat(
                    new JpaChannelRepository(em)
                        .find(new ChannelName("precise"))
                        .orElseThrow()
                        .createdAt())
                .isEqualTo(precise));
  }
}
