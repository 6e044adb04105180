package io.onair.portal.rest.dto;

import io.onair.streaming.application.ChannelLadderView;
import io.onair.streaming.media.manifest.FrameRate;
import io.onair.streaming.media.transcode.Rung;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * A channel's transcoding ladder. {@code source} says whose it is: {@code "channel"}, with the
 * channel's own in {@code ladder} (its text, every option spelled out) and {@code rungs}; or {@code
 * "server"}, with {@code ladder} null and no rungs, the server's ladder being configured elsewhere.
 * A channel ladder without rungs is {@code "none"}: the channel is never transcoded.
 */
public record LadderDto(
    String channel, String source, @JsonbNillable String ladder, List<RungDto> rungs) {

  /**
   * One rung as configured, before it meets a source. Bit rates in bit/s; {@code frameRate} the
   * highest the rung may have, as in the ladder text: {@code "source"}, {@code "30"} or {@code
   * "30000/1001"}.
   */
  public record RungDto(
      String name,
      int width,
      int height,
      long videoBitrate,
      String frameRate,
      String preset,
      String profile,
      long audioBitrate) {

    static RungDto of(Rung rung) {
      return new RungDto(
          rung.name(),
          rung.width(),
          rung.height(),
          rung.videoBitrate(),
          rung.maxFrameRate().map(FrameRate::toRatio).orElse("source"),
          rung.preset().x264Name(),
          rung.profile().x264Name(),
          rung.audioBitrate());
    }
  }

  public static LadderDto of(ChannelLadderView view) {
    return new LadderDto(
        view.channel(),
        view.ladder().isPresent() ? "channel" : "server",
        view.text().orElse(null),
        view.ladder().map(l -> l.rungs().stream().map(RungDto::of).toList()).orElse(List.of()));
  }
}
