package io.onair.streaming.application;

import io.onair.streaming.media.transcode.LadderSyntax;
import io.onair.streaming.media.transcode.TranscodeLadder;
import java.util.Optional;

/**
 * A channel's own transcoding ladder, if it has one. Empty means the server's ladder applies, which
 * is configured elsewhere and not part of this view; a present ladder without rungs means the
 * channel is never transcoded.
 */
public record ChannelLadderView(String channel, Optional<TranscodeLadder> ladder) {

  /** The ladder in {@link LadderSyntax}, every option spelled out. */
  public Optional<String> text() {
    return ladder.map(LadderSyntax::format);
  }
}
