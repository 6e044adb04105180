package io.onair.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.api.PlayDecision;
import io.onair.rtmp.api.PlayDenial;
import io.onair.rtmp.api.PlayRequest;
import io.onair.streaming.application.PlayOutcome;
import io.onair.streaming.application.PlaybackService;
import io.onair.streaming.domain.viewertoken.ViewerTokenSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The play decision as the adapter receives it: the bean only translates. */
class RtmpIngestBeanTest {

  /** Answers a fixed outcome and remembers what it was asked. */
  private static final class PlaybackFake extends PlaybackService {
    private final PlayOutcome answer;
    String channel;
    ViewerTokenSecret token;
    String remoteAddress;

    PlaybackFake(PlayOutcome answer) {
      this.answer = answer;
    }

    @Override
    public PlayOutcome authorize(
        String channelName, ViewerTokenSecret presented, String remoteAddress) {
      this.channel = channelName;
      this.token = presented;
      this.remoteAddress = remoteAddress;
      return answer;
    }
  }

  private static PlayRequest request(String channel, String token) {
    return new PlayRequest("s-1", "/10.0.0.9:50000", "live", channel, token);
  }

  @Test
  void anAllowedPlayNamesTheChannelAndTheViewer() {
    PlaybackFake playback = new PlaybackFake(new PlayOutcome.Allowed("town-hall", "vic"));
    PlayDecision decision =
        new RtmpIngestBean(null, playback).onPlay(request("town-hall", "vt_secret"));

    assertThat(decision).isEqualTo(PlayDecision.allow("town-hall", "vic"));
    assertThat(playback.channel).isEqualTo("town-hall");
    assertThat(playback.token.reveal()).isEqualTo("vt_secret");
    assertThat(playback.remoteAddress).isEqualTo("/10.0.0.9:50000");
  }

  @ParameterizedTest
  @CsvSource({
    "INVALID_TOKEN, INVALID_TOKEN",
    "UNKNOWN_CHANNEL, UNKNOWN_CHANNEL",
    "CHANNEL_DISABLED, FORBIDDEN"
  })
  void eachRefusalIsDeniedWithItsReason(PlayOutcome.Reason reason, PlayDenial denial) {
    PlaybackFake playback = new PlaybackFake(new PlayOutcome.Denied(reason));
    assertThat(new RtmpIngestBean(null, playback).onPlay(request("town-hall", "")))
        .isEqualTo(PlayDecision.deny(denial));
  }

  @Test
  void noTokenIsPassedOnAsAnEmptyOne() {
    PlaybackFake playback =
        new PlaybackFake(new PlayOutcome.Denied(PlayOutcome.Reason.INVALID_TOKEN));
    new RtmpIngestBean(null, playback).onPlay(request("town-hall", ""));
    assertThat(playback.token.reveal()).isEmpty();
    assertThat(playback.token.isWellFormed()).isFalse();
  }
}
