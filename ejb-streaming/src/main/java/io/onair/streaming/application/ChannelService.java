package io.onair.streaming.application;

import io.onair.streaming.domain.account.Role;
import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.broadcast.BroadcastRepository;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.channel.ChannelRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Creating and listing channels. */
@Stateless
public class ChannelService {

  @Inject private ChannelRepository channels;
  @Inject private BroadcastRepository broadcasts;
  @Inject private Clock clock;

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

  static Channel existing(ChannelRepository channels, String name) {
    return channels
        .find(new ChannelName(name))
        .orElseThrow(() -> new ChannelNotFoundException(name));
  }
}
