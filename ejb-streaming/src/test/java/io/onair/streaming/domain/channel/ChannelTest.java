package io.onair.streaming.domain.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.media.manifest.FrameRate;
import io.onair.streaming.media.transcode.LadderSyntax;
import io.onair.streaming.media.transcode.Rung;
import io.onair.streaming.media.transcode.TranscodeLadder;
import io.onair.streaming.media.transcode.X264Preset;
import io.onair.streaming.media.transcode.X264Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A channel's own transcoding ladder. */
class ChannelTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

  private static final TranscodeLadder SQUARE =
      TranscodeLadder.of(
          Rung.of("square720", 720, 720, 2_000_000),
          Rung.of("square400", 400, 400, 700_000).withProfile(X264Profile.MAIN));

  private static Channel channel() {
    return new Channel(new ChannelName("shop"), "Live shopping", T0);
  }

  /** A rung with every field at its longest in the syntax: 32-character name, 8-digit rates. */
  private static Rung longest(int n) {
    return new Rung(
        String.format("rung-%02d-", n) + "x".repeat(24),
        8192,
        8192,
        9_999_999_000L,
        Optional.of(new FrameRate(30_000, 1_001)),
        X264Preset.SUPERFAST,
        X264Profile.BASELINE,
        9_999_999_000L);
  }

  private static TranscodeLadder longestOf(int rungs) {
    List<Rung> list = new ArrayList<>();
    for (int i = 0; i < rungs; i++) {
      list.add(longest(i));
    }
    return new TranscodeLadder(list);
  }

  @Test
  void aNewChannelHasNoLadderOfItsOwn() {
    assertThat(channel().transcodeLadder()).isEmpty();
  }

  @Test
  void theLadderGivenIsTheLadderReturned() {
    Channel channel = channel();
    channel.transcodeWith(SQUARE);

    assertThat(channel.transcodeLadder()).contains(SQUARE);
  }

  @Test
  void noneIsALadderOfItsOwnAndNotTheServers() {
    Channel channel = channel();
    channel.transcodeWith(TranscodeLadder.none());

    assertThat(channel.transcodeLadder()).as("never transcoded").contains(TranscodeLadder.none());

    channel.transcodeWithServerLadder();
    assertThat(channel.transcodeLadder()).as("the server's applies").isEmpty();
  }

  @Test
  void aNewLadderReplacesTheOldOneWhole() {
    Channel channel = channel();
    channel.transcodeWith(TranscodeLadder.DEFAULT);
    channel.transcodeWith(SQUARE);

    assertThat(channel.transcodeLadder()).contains(SQUARE);
  }

  @Test
  void eightRungsWrittenOutInFullFitWithRoomToSpare() {
    assertThat(LadderSyntax.format(longestOf(8)).length())
        .isLessThanOrEqualTo(Channel.MAX_LADDER_LENGTH / 2 + 100);
    Channel channel = channel();
    channel.transcodeWith(longestOf(8));

    assertThat(channel.transcodeLadder()).contains(longestOf(8));
  }

  @Test
  void aLadderTooLongToStoreIsRefusedAndTheOldOneKept() {
    Channel channel = channel();
    channel.transcodeWith(SQUARE);
    TranscodeLadder tooLong = longestOf(20);
    assertThat(LadderSyntax.format(tooLong).length()).isGreaterThan(Channel.MAX_LADDER_LENGTH);

    assertThatThrownBy(() -> channel.transcodeWith(tooLong))
        .isInstanceOf(InvalidLadderException.class)
        .hasMessageContaining("20 rungs")
        .hasMessageContaining("at most 2000");
    assertThat(channel.transcodeLadder()).contains(SQUARE);
  }

  @Test
  void aLadderTheSyntaxCannotReadBackIsRefused() {
    Channel channel = channel();
    TranscodeLadder tenGigabit = TranscodeLadder.of(Rung.of("huge", 1280, 720, 10_000_000_000L));

    assertThatThrownBy(() -> channel.transcodeWith(tenGigabit))
        .isInstanceOf(InvalidLadderException.class)
        .hasMessageContaining("rung 1")
        .hasMessageContaining("10000000k");
    assertThat(channel.transcodeLadder()).isEmpty();
  }
}
