package io.onair.streaming.application.transcoding;

import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.channel.ChannelRepository;
import io.onair.streaming.media.transcode.TranscodeLadder;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The ladder a channel chose for itself, read for a starting broadcast by the server's own
 * transcoding, which has no caller to check roles of (administrators read and change it through
 * {@code ChannelService}).
 */
@Stateless
@PermitAll
public class ChannelLadders {

  @Inject private ChannelRepository channels;

  /** The channel's own ladder; empty when it uses the server's (or does not exist). */
  public Optional<TranscodeLadder> ladderOf(String channel) {
    return channels.find(new ChannelName(channel)).flatMap(Channel::transcodeLadder);
  }
}
