package io.onair.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

  private static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-21T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final VerifiedCredentials verified = new VerifiedCredentials(clock);

  @Test
  void theSamePairIsKnownForItsTimeToLiveThenChecksAgain() {
    verified.remember("ann", "secret".toCharArray(), "ann", Set.of("VIEWER"));
    assertThat(verified.lookUp("ann", "secret".toCharArray()))
        .hasValueSatisfying(c -> assertThat(c.groups()).containsExactly("VIEWER"));

    clock.now = clock.now.plus(VerifiedCredentials.TTL);
    assertThat(verified.lookUp("ann", "secret".toCharArray())).isEmpty();
  }

  @Test
  void anotherPasswordOrAnotherUserIsNotKnown() {
    verified.remember("ann", "secret".toCharArray(), "ann", Set.of("VIEWER"));
    assertThat(verified.lookUp("ann", "secreT".toCharArray())).isEmpty();
    assertThat(verified.lookUp("bob", "secret".toCharArray())).isEmpty();
    // The separator keeps "an" + "nsecret" apart from "ann" + "secret".
    assertThat(verified.lookUp("an", "nsecret".toCharArray())).isEmpty();
  }

  @Test
  void twoServersDoNotShareKeys() {
    VerifiedCredentials other = new VerifiedCredentials(clock);
    verified.remember("ann", "secret".toCharArray(), "ann", Set.of("VIEWER"));
    assertThat(other.lookUp("ann", "secret".toCharArray())).isEmpty();
  }
}
