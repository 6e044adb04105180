package io.onair.streaming.application;

import io.onair.streaming.domain.account.Role;
import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.broadcast.BroadcastRepository;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.channel.ChannelRepository;
import io.onair.streaming.domain.channel.InvalidLadderException;
import io.onair.streaming.media.transcode.LadderSyntax;
import io.onair.streaming.media.transcode.LadderSyntaxException;
import io.onair.streaming.media.transcode.TranscodeLadder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Creating and listing channels, and choosing the transcoding ladder of one. */
@Stateless
public class ChannelService {

  private static final Logger LOG = Logger.getLogger(ChannelService.class.getName());

  @Inject private ChannelRepository channels;
  @Inject private BroadcastRepository broadcasts;
  @Inject private Clock clock;

  public ChannelService() {}

  /** Outside the container (tests), where roles are not checked. */
  ChannelService(ChannelRepository channels, BroadcastRepository broadcasts, Clock clock) {
    this.channels = channels;
    this.broadcasts = broadcasts;
    this.clock = clock;
  }

  @RolesAllowed(Role.Names.ADMIN)
  public ChannelView create(String name, String title) {
    ChannelName channelName = new ChannelName(name);
    if (channels.find(channelName).isPresent()) {
      throw new ChannelNameTakenException(name);
    }
    Channel channel = new Channel(channelName, title, clock.instant());
    channels.add(channel);
    return ChannelView.of(channel, false);
  }

  @RolesAllowed({Role.Names.VIEWER, Role.Names.BROADCASTER, Role.Names.ADMIN})
  public List<ChannelView> list() {
    Set<String> live =
        broadcasts.live().stream()
            .map(Broadcast::channel)
            .map(c -> c.name().value())
            .collect(Collectors.toSet());
    return channels.all().stream()
        .map(c -> ChannelView.of(c, live.contains(c.name().value())))
        .toList();
  }

  @RolesAllowed({Role.Names.VIEWER, Role.Names.BROADCASTER, Role.Names.ADMIN})
  public ChannelView get(String name) {
    Channel channel = existing(channels, name);
    return ChannelView.of(channel, broadcasts.liveOf(channel).isPresent());
  }

  /** The channel's own ladder, or that it has none and the server's applies. */
  @RolesAllowed(Role.Names.ADMIN)
  public ChannelLadderView ladderOf(String name) {
    Channel channel = existing(channels, name);
    return new ChannelLadderView(channel.name().value(), channel.transcodeLadder());
  }

  /**
   * Gives a channel a ladder of its own, written in {@link LadderSyntax}; {@code none} stops its
   * broadcasts from being transcoded.
   *
   * @throws InvalidLadderException naming the rung and the problem if the text does not read
   */
  @RolesAllowed(Role.Names.ADMIN)
  public ChannelLadderView useLadder(String name, String text) {
    Channel channel = existing(channels, name);
    TranscodeLadder ladder;
    try {
      ladder = LadderSyntax.parse(text);
    } catch (LadderSyntaxException unreadable) {
      throw new InvalidLadderException(unreadable.getMessage(), unreadable);
    }
    channel.transcodeWith(ladder);
    LOG.info(() -> "Channel " + name + " has its own ladder: " + LadderSyntax.format(ladder));
    return new ChannelLadderView(channel.name().value(), channel.transcodeLadder());
  }

  /** Drops a channel's own ladder: the server's applies to it again. */
  @RolesAllowed(Role.Names.ADMIN)
  public void useServerLadder(String name) {
    existing(channels, name).transcodeWithServerLadder();
    LOG.info(() -> "Channel " + name + " uses the server's ladder again");
  }

  static Channel existing(ChannelRepository channels, String name) {
    return channels
        .find(new ChannelName(name))
        .orElseThrow(() -> new ChannelNotFoundException(name));
  }
}
