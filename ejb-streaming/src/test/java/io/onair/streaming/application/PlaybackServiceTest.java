package io.onair.streaming.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.domain.account.Account;
import io.onair.streaming.domain.account.Role;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.viewertoken.ViewerToken;
import io.onair.streaming.domain.viewertoken.ViewerTokenSecret;
import io.onair.streaming.infrastructure.persistence.JpaAccountRepository;
import io.onair.streaming.infrastructure.persistence.JpaChannelRepository;
import io.onair.streaming.infrastructure.persistence.JpaViewerTokenRepository;
import io.onair.streaming.infrastructure.persistence.MigratedDatabase;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The play decision for every outcome, on a real PostgreSQL. */
class PlaybackServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final Duration TTL = Duration.ofHours(1);
  private static final String FROM = "/10.0.0.9:50000";

  private static MigratedDatabase db;
  private static ViewerTokenSecret vicsToken;
  private final ManualClock clock = new ManualClock(T0.plusSeconds(1));

  @BeforeAll
  static void start() throws IOException {
    db = MigratedDatabase.start();
    vicsToken = ViewerTokenSecret.generate();
    db.inTransaction(
        em -> {
          Account vic = new Account("vic", "PBKDF2:hash", EnumSet.of(Role.VIEWER), T0);
          new JpaAccountRepository(em).add(vic);
          new JpaViewerTokenRepository(em).add(new ViewerToken(vic, vicsToken, T0, TTL));
          JpaChannelRepository channels = new JpaChannelRepository(em);
          channels.add(new Channel(new ChannelName("town-hall"), "Town hall", T0));
          Channel dark = new Channel(new ChannelName("dark"), "Switched off", T0);
          dark.disable();
          channels.add(dark);
        });
  }

  @AfterAll
  static void stop() throws IOException {
    if (db != null) {
      db.close();
    }
  }

  private PlayOutcome authorize(String channel, ViewerTokenSecret token) {
    return db.fromTransaction(em -> service(em).authorize(channel, token, FROM));
  }

  private PlaybackService service(EntityManager em) {
    return new PlaybackService(
        new JpaViewerTokenRepository(em), new JpaChannelRepository(em), clock);
  }

  private static PlayOutcome denied(PlayOutcome.Reason reason) {
    return new PlayOutcome.Denied(reason);
  }

  @Test
  void aValidTokenPlaysAnEnabledChannelOnBehalfOfItsAccount() {
    assertThat(authorize("town-hall", vicsToken))
        .isEqualTo(new PlayOutcome.Allowed("town-hall", "vic"));
  }

  @Test
  void aTokenPlaysUntilJustBeforeItExpires() {
    clock.now = T0.plus(TTL).minusNanos(1_000);
    assertThat(authorize("town-hall", vicsToken)).isInstanceOf(PlayOutcome.Allowed.class);
  }

  @Test
  void anExpiredTokenIsInvalid() {
    clock.now = T0.plus(TTL);
    assertThat(authorize("town-hall", vicsToken))
        .isEqualTo(denied(PlayOutcome.Reason.INVALID_TOKEN));
  }

  @Test
  void anUnknownTokenIsInvalid() {
    assertThat(authorize("town-hall", ViewerTokenSecret.generate()))
        .isEqualTo(denied(PlayOutcome.Reason.INVALID_TOKEN));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "vt_short", "sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
  void noTokenOrAMalformedOneIsInvalidWithoutAskingTheDatabase(String presented) {
    // Repositories on a closed entity manager: any query would throw.
    EntityManager closed = db.closedEntityManager();
    PlayOutcome outcome =
        service(closed).authorize("town-hall", ViewerTokenSecret.presented(presented), FROM);
    assertThat(outcome).isEqualTo(denied(PlayOutcome.Reason.INVALID_TOKEN));
  }

  @Test
  void theClosedEntityManagerWouldBeNoticed() {
    // Guards the test above: a well-formed token does reach the database, and fails there.
    EntityManager closed = db.closedEntityManager();
    assertThatThrownBy(() -> service(closed).authorize("town-hall", vicsToken, FROM))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aChannelThatDoesNotExistIsUnknown() {
    assertThat(authorize("no-such-channel", vicsToken))
        .isEqualTo(denied(PlayOutcome.Reason.UNKNOWN_CHANNEL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Town-Hall", "../town-hall", "town-hall?token=x", "a"})
  void aChannelNameOfTheWrongSyntaxIsUnknown(String channel) {
    assertThat(authorize(channel, vicsToken)).isEqualTo(denied(PlayOutcome.Reason.UNKNOWN_CHANNEL));
  }

  @Test
  void aDisabledChannelCannotBePlayed() {
    assertThat(authorize("dark", vicsToken)).isEqualTo(denied(PlayOutcome.Reason.CHANNEL_DISABLED));
  }

  @Test
  void withoutAValidTokenNothingIsToldAboutChannels() {
    ViewerTokenSecret unknown = ViewerTokenSecret.generate();
    assertThat(authorize("no-such-channel", unknown))
        .isEqualTo(authorize("dark", unknown))
        .isEqualTo(authorize("town-hall", unknown))
        .isEqualTo(denied(PlayOutcome.Reason.INVALID_TOKEN));
  }
}
