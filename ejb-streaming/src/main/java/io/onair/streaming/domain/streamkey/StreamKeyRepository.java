package io.onair.streaming.domain.streamkey;

import io.onair.streaming.domain.channel.Channel;
import java.util.List;
import java.util.Optional;

/** Where stream keys are kept, found by the hash of the secret. */
public interface StreamKeyRepository {

  void add(StreamKey key);

  Optional<StreamKey> find(long id);

  Optional<StreamKey> findBySecret(StreamKeySecret secret);

  /** The channel's keys, newest first, revoked ones included. */
  List<StreamKey> ofChannel(Channel channel);
}
