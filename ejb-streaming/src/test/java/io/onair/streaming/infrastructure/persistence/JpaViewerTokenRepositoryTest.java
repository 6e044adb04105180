package io.onair.streaming.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.domain.account.Account;
import io.onair.streaming.domain.account.Role;
import io.onair.streaming.domain.viewertoken.ViewerToken;
import io.onair.streaming.domain.viewertoken.ViewerTokenSecret;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Viewer tokens on a real PostgreSQL: found by hash, stored only as hash, expired ones deleted. */
class JpaViewerTokenRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private static MigratedDatabase db;

  @BeforeAll
  static void start() throws IOException {
    db = MigratedDatabase.start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (db != null) {
      db.close();
    }
  }

  private static void addAccount(String username) {
    db.inTransaction(
        em ->
            new JpaAccountRepository(em)
                .add(new Account(username, "PBKDF2:hash", EnumSet.of(Role.VIEWER), T0)));
  }

  /** Stores a token of the account issued at {@code issuedAt}; returns its secret. */
  private static ViewerTokenSecret addToken(String username, Instant issuedAt, Duration ttl) {
    ViewerTokenSecret secret = ViewerTokenSecret.generate();
    db.inTransaction(
        em -> {
          Account account = new JpaAccountRepository(em).find(username).orElseThrow();
          new JpaViewerTokenRepository(em).add(new ViewerToken(account, secret, issuedAt, ttl));
        });
    return secret;
  }

  private static boolean stored(ViewerTokenSecret secret) {
    return db.fromTransaction(em -> new JpaViewerTokenRepository(em).findBySecret(secret))
        .isPresent();
  }

  @Test
  void aTokenIsFoundByItsSecretWithItsAccountAndTimes() {
    addAccount("round-trip");
    ViewerTokenSecret secret = addToken("round-trip", T0, Duration.ofHours(12));
    db.inTransaction(
        em -> {
          JpaViewerTokenRepository tokens = new JpaViewerTokenRepository(em);
          ViewerToken token = tokens.findBySecret(secret).orElseThrow();
          assertThat(token.account().username()).isEqualTo("round-trip");
          assertThat(token.issuedAt()).isEqualTo(T0);
          assertThat(token.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
          assertThat(tokens.findBySecret(ViewerTokenSecret.generate())).isEmpty();
        });
  }

  @Test
  void onlyTheHashOfATokenIsStored() throws Exception {
    addAccount("hash-only");
    ViewerTokenSecret secret = addToken("hash-only", T0, HOUR);
    String randomPart = secret.reveal().substring("vt_".length());
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select t.* from viewer_token t join account a on a.id = t.account_id"
                    + " where a.username = 'hash-only'");
        ResultSet rows = q.executeQuery()) {
      assertThat(rows.next()).isTrue();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        assertThat(String.valueOf(rows.getObject(i))).doesNotContain(randomPart);
      }
      assertThat(rows.getString("token_hash")).isEqualTo(sha256Hex(secret.reveal()));
      assertThat(rows.next()).isFalse();
    }
  }

  /** Computed here, not by the code under test. */
  private static String sha256Hex(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void deletingExpiredTokensTakesOnlyTheAccountsTokensExpiredByThen() {
    addAccount("expiring");
    addAccount("someone-else");
    ViewerTokenSecret longGone = addToken("expiring", T0, HOUR);
    ViewerTokenSecret expiringNow = addToken("expiring", T0, HOUR.multipliedBy(2));
    ViewerTokenSecret stillValid = addToken("expiring", T0, HOUR.multipliedBy(3));
    ViewerTokenSecret othersExpired = addToken("someone-else", T0, HOUR);

    int deleted =
        db.fromTransaction(
            em ->
                new JpaViewerTokenRepository(em)
                    .deleteExpired(
                        new JpaAccountRepository(em).find("expiring").orElseThrow(),
                        T0.plus(HOUR.multipliedBy(2))));

    assertThat(deleted).isEqualTo(2);
    assertThat(stored(longGone)).isFalse();
    assertThat(stored(expiringNow)).isFalse();
    assertThat(stored(stillValid)).isTrue();
    assertThat(stored(othersExpired)).isTrue();
  }

  @Test
  void theDatabaseRefusesTheSameHashTwice() {
    addAccount("twice");
    ViewerTokenSecret secret = addToken("twice", T0, HOUR);
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em -> {
                      Account account = new JpaAccountRepository(em).find("twice").orElseThrow();
                      em.persist(new ViewerToken(account, secret, T0.plusSeconds(1), HOUR));
                      em.flush();
                    }))
        .isInstanceOf(PersistenceException.class);
  }

  @Test
  void theDatabaseRefusesATokenThatExpiresWhenItIsIssued() throws Exception {
    addAccount("no-life");
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into viewer_token (account_id, token_hash, issued_at, expires_at)"
                    + " select id, 'h', now(), now() from account where username = 'no-life'")) {
      assertThatThrownBy(insert::executeUpdate)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check");
    }
  }

  @Test
  void deletingAnAccountDeletesItsTokens() throws Exception {
    addAccount("leaver");
    ViewerTokenSecret secret = addToken("leaver", T0, HOUR);
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement delete =
            c.prepareStatement("delete from account where username = 'leaver'")) {
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }
    assertThat(stored(secret)).isFalse();
  }
}
