package io.onair.streaming.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.domain.account.Account;
import io.onair.streaming.domain.account.Role;
import io.onair.streaming.domain.viewertoken.ViewerToken;
import io.onair.streaming.domain.viewertoken.ViewerTokenSecret;
import io.onair.streaming.infrastructure.persistence.JpaAccountRepository;
import io.onair.streaming.infrastructure.persistence.JpaViewerTokenRepository;
import io.onair.streaming.infrastructure.persistence.MigratedDatabase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issuing viewer tokens, on a real PostgreSQL. */
class ViewerTokenServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final Duration TTL = Duration.ofHours(2);

  private static MigratedDatabase db;
  private final ManualClock clock = new ManualClock(T0);

  @BeforeAll
  static void start() throws IOException {
    db = MigratedDatabase.start();
    db.inTransaction(
        em -> {
          JpaAccountRepository accounts = new JpaAccountRepository(em);
          for (String name : new String[] {"vic", "bea", "ada"}) {
            accounts.add(new Account(name, "PBKDF2:hash", EnumSet.of(Role.VIEWER), T0));
          }
        });
  }

  @AfterAll
  static void stop() throws IOException {
    if (db != null) {
      db.close();
    }
  }

  private IssuedViewerToken issue(String username) {
    return db.fromTransaction(
        em ->
            new ViewerTokenService(
                    new JpaViewerTokenRepository(em), new JpaAccountRepository(em), clock, TTL)
                .issueFor(username));
  }

  private static Optional<ViewerToken> stored(String secret) {
    return db.fromTransaction(
        em -> {
          Optional<ViewerToken> token =
              new JpaViewerTokenRepository(em).findBySecret(ViewerTokenSecret.presented(secret));
          token.ifPresent(t -> t.account().username()); // loaded while the transaction is open
          return token;
        });
  }

  @Test
  void aTokenIsIssuedToTheAccountForTheConfiguredTime() {
    clock.now = T0.plusSeconds(17);
    IssuedViewerToken issued = issue("vic");

    assertThat(issued.secret()).matches("vt_[A-Za-z0-9_-]{43}");
    assertThat(issued.expiresAt()).isEqualTo(T0.plusSeconds(17).plus(TTL));
    ViewerToken token = stored(issued.secret()).orElseThrow();
    assertThat(token.account().username()).isEqualTo("vic");
    assertThat(token.issuedAt()).isEqualTo(T0.plusSeconds(17));
    assertThat(token.expiresAt()).isEqualTo(issued.expiresAt());
  }

  @Test
  void issuingDeletesTheCallersExpiredTokensAndNothingElse() {
    clock.now = T0.plus(Duration.ofDays(1));
    IssuedViewerToken expiring = issue("bea");
    IssuedViewerToken othersExpiring = issue("ada");
    clock.now = clock.now.plus(Duration.ofHours(1));
    IssuedViewerToken stillValid = issue("bea");

    clock.now = expiring.expiresAt();
    IssuedViewerToken fresh = issue("bea");

    assertThat(stored(expiring.secret())).isEmpty();
    assertThat(stored(stillValid.secret())).isPresent();
    assertThat(stored(fresh.secret())).isPresent();
    assertThat(stored(othersExpiring.secret())).as("another account's, though expired").isPresent();
  }

  @Test
  void eachIssueIsANewToken() {
    assertThat(issue("vic").secret()).isNotEqualTo(issue("vic").secret());
  }

  @Test
  void someoneWithoutAnAccountGetsNoToken() {
    assertThatThrownBy(() -> issue("stranger"))
        .isInstanceOf(AccountNotFoundException.class)
        .hasMessageContaining("'stranger'");
  }

  @Test
  void theSecretIsNotInTheResultsText() {
    IssuedViewerToken issued = issue("vic");
    assertThat(issued.toString()).doesNotContain(issued.secret().substring(3));
  }
}
