package io.onair.streaming.domain.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.streamkey.StreamKey;
import io.onair.streaming.domain.streamkey.StreamKeySecret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BroadcastTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

  private static Channel channel() {
    return new Channel(new ChannelName("town-hall"), "Town hall", T0);
  }

  private static StreamKey key(Channel channel) {
    return new StreamKey(channel, StreamKeySecret.generate(), T0);
  }

  private static StreamKey key() {
    return key(channel());
  }

  @Test
  void aStartedBroadcastIsLiveAndLastsUntilNow() {
    Broadcast b = Broadcast.start(key(), "s1", "10.0.0.1:5000", T0);
    assertThat(b.isLive()).isTrue();
    assertThat(b.duration(T0.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void endingTwiceKeepsTheFirstEnd() {
    Broadcast b = Broadcast.start(key(), "s1", "10.0.0.1:5000", T0);
    b.end(T0.plusSeconds(60));
    b.end(T0.plusSeconds(120));
    assertThat(b.state()).isEqualTo(BroadcastState.ENDED);
    assertThat(b.endedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(b.duration(T0.plusSeconds(999))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void anEndBeforeTheStartIsClampedToTheStart() {
    Broadcast b = Broadcast.start(key(), "s1", "10.0.0.1:5000", T0);
    b.end(T0.minusSeconds(5)); // clocks of two nodes may disagree slightly
    assertThat(b.endedAt()).isEqualTo(T0);
  }

  @Test
  void aDisabledChannelCannotStartABroadcast() {
    Channel channel = channel();
    channel.disable();
    assertThatThrownBy(() -> Broadcast.start(key(channel), "s1", "10.0.0.1:5000", T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("town-hall");
  }

  @Test
  void aRevokedKeyCannotStartABroadcast() {
    StreamKey key = key();
    key.revoke(T0);
    assertThatThrownBy(() -> Broadcast.start(key, "s1", "10.0.0.1:5000", T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("revoked");
  }

  @Test
  void aLiveBroadcastResumedOnANewConnectionKeepsGoing() {
    Broadcast b = Broadcast.start(key(), "s1", "10.0.0.1:5000", T0);
    b.resumedBy("s2", "10.0.0.1:5001");
    assertThat(b.isLive()).isTrue();
    assertThat(b.sessionId()).isEqualTo("s2");
    assertThat(b.remoteAddress()).isEqualTo("10.0.0.1:5001");
    b.end(T0.plusSeconds(5));
    assertThatThrownBy(() -> b.resumedBy("s3", "10.0.0.1:5002"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBroadcastBelongsToTheChannelOfItsKey() {
    Channel channel = channel();
    assertThat(Broadcast.start(key(channel), "s1", "10.0.0.1:5000", T0).channel())
        .isSameAs(channel);
  }
}
