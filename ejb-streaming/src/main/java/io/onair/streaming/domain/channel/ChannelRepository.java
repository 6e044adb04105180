package io.onair.streaming.domain.channel;

import java.util.List;
import java.util.Optional;

/** Where channels are kept. */
public interface ChannelRepository {

  void add(Channel channel);

  Optional<Channel> find(ChannelName name);

  /** Every channel, by name. */
  List<Channel> all();
}
