package io.onair.streaming.domain.broadcast;

import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.streamkey.StreamKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where broadcasts are kept. */
public interface BroadcastRepository {

  void add(Broadcast broadcast);

  Optional<Broadcast> find(long id);

  /** The live broadcast of a channel, if it is live. */
  Optional<Broadcast> liveOf(Channel channel);

  /** The live broadcast started with a key, if there is one. */
  Optional<Broadcast> liveWith(StreamKey key);

  /** Every live broadcast, oldest first. */
  List<Broadcast> live();

  /** The broadcasts that ended at or after {@code since}, oldest first. */
  List<Broadcast> endedSince(Instant since);
}
