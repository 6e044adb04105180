package io.onair.streaming.application;

import io.onair.streaming.domain.account.Role;
import io.onair.streaming.domain.broadcast.BroadcastRepository;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelRepository;
import io.onair.streaming.domain.streamkey.StreamKey;
import io.onair.streaming.domain.streamkey.StreamKeyRepository;
import io.onair.streaming.domain.streamkey.StreamKeySecret;
import io.onair.streaming.infrastructure.rtmp.RtmpAdapterControl;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/** Issuing, listing and revoking the stream keys of channels. */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class StreamKeyService {

  private static final Logger LOG = Logger.getLogger(StreamKeyService.class.getName());

  @Inject private ChannelRepository channels;
  @Inject private StreamKeyRepository keys;
  @Inject private BroadcastRepository broadcasts;
  @Inject private RtmpAdapterControl adapter;
  @Inject private Clock clock;

  /** Issues a new key for a channel; its secret is in the result and nowhere else. */
  public IssuedStreamKey issue(String channelName) {
    Channel channel = ChannelService.existing(channels, channelName);
    StreamKeySecret secret = StreamKeySecret.generate();
    StreamKey key = new StreamKey(channel, secret, clock.instant());
    keys.add(key);
    LOG.info(
        () -> "Issued stream key " + key.id() + " (" + secret + ") for channel " + channelName);
    return new IssuedStreamKey(key.id(), channelName, secret.reveal(), key.createdAt());
  }

  public List<StreamKeyView> keysOf(String channelName) {
    Channel channel = ChannelService.existing(channels, channelName);
    return keys.ofChannel(channel).stream().map(StreamKeyView::of).toList();
  }

  /**
   * Revokes a key: it can no longer start a publish, and a publish it started is disconnected at
   * once (its end is then recorded as for any disconnect).
   */
  public StreamKeyView revoke(long keyId) {
    StreamKey key = keys.find(keyId).orElseThrow(() -> new StreamKeyNotFoundException(keyId));
    key.revoke(clock.instant());
    LOG.info(() -> "Revoked stream key " + keyId + " of channel " + key.channel().name());
    broadcasts
        .liveWith(key)
        .ifPresent(
            live -> {
              boolean disconnected = adapter.disconnect(live.id());
              LOG.info(
                  () ->
                      "Broadcast "
                          + live.id()
                          + (disconnected ? " disconnected" : " has no publisher here")
                          + " after its key was revoked");
            });
    return StreamKeyView.of(key);
  }
}
