package io.onair.streaming.domain.viewertoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.domain.account.Account;
import io.onair.streaming.domain.account.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ViewerTokenTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final Account VIC = new Account("vic", "PBKDF2:hash", EnumSet.of(Role.VIEWER), T0);

  @Test
  void aTokenExpiresItsTimeToLiveAfterItsIssue() {
    ViewerToken token =
        new ViewerToken(VIC, ViewerTokenSecret.generate(), T0, Duration.ofHours(12));
    assertThat(token.issuedAt()).isEqualTo(T0);
    assertThat(token.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
  }

  @Test
  void aTokenIsValidUpToButNotIncludingItsExpiry() {
    ViewerToken token = new ViewerToken(VIC, ViewerTokenSecret.generate(), T0, Duration.ofHours(1));
    assertThat(token.isValidAt(T0)).isTrue();
    assertThat(token.isValidAt(T0.plus(Duration.ofHours(1)).minusNanos(1_000))).isTrue();
    assertThat(token.isValidAt(T0.plus(Duration.ofHours(1)))).isFalse();
    assertThat(token.isValidAt(T0.plus(Duration.ofDays(1)))).isFalse();
  }

  @Test
  void aTokenMustLiveLongerThanZero() {
    ViewerTokenSecret secret = ViewerTokenSecret.generate();
    assertThatThrownBy(() -> new ViewerToken(VIC, secret, T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> new ViewerToken(VIC, secret, T0, Duration.ofMinutes(-5)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
