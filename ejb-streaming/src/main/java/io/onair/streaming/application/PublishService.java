package io.onair.streaming.application;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.broadcast.BroadcastRepository;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.streamkey.StreamKey;
import io.onair.streaming.domain.streamkey.StreamKeyRepository;
import io.onair.streaming.domain.streamkey.StreamKeySecret;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starting and ending broadcasts from what encoders present. Callers are the RTMP ingest, which has
 * no signed-in user: the stream key is the credential, checked here.
 */
@Stateless
@PermitAll
public class PublishService {

  private static final Logger LOG = Logger.getLogger(PublishService.class.getName());

  @Inject private StreamKeyRepository keys;
  @Inject private BroadcastRepository broadcasts;
  @Inject private PublishLockout lockout;

  @Inject
  @ConfigProperty(name = "onair.publish.takeover", defaultValue = "true")
  private boolean takeover;

  @Inject private Clock clock;

  /** Checks the key and, if it may publish, starts a broadcast on its channel. */
  public PublishOutcome start(StreamKeySecret presented, String sessionId, String remoteAddress) {
    if (lockout.isLockedOut(remoteAddress)) {
      LOG.info(() -> "Publish refused from " + remoteAddress + ": locked out");
      return new PublishOutcome.Refused(PublishOutcome.Reason.LOCKED_OUT);
    }
    Optional<StreamKey> found = keys.findBySecret(presented);
    if (found.isEmpty()) {
      LOG.info(() -> "Publish refused from " + remoteAddress + ": unknown stream key");
      lockout.failed(remoteAddress);
      return new PublishOutcome.Refused(PublishOutcome.Reason.UNKNOWN_KEY);
    }
    StreamKey key = found.get();
    Channel channel = key.channel();
    if (key.isRevoked()) {
      LOG.info(() -> "Publish refused from " + remoteAddress + ": key " + key.id() + " revoked");
      lockout.failed(remoteAddress);
      return new PublishOutcome.Refused(PublishOutcome.Reason.REVOKED_KEY);
    }
    lockout.succeeded(remoteAddress);
    if (!channel.isEnabled()) {
      LOG.info(() -> "Publish refused from " + remoteAddress + ": " + channel.name() + " disabled");
      return new PublishOutcome.Refused(PublishOutcome.Reason.CHANNEL_DISABLED);
    }
    Optional<Broadcast> live = broadcasts.liveOf(channel);
    if (live.isPresent()) {
      return takeOver(live.get(), key, sessionId, remoteAddress);
    }
    Broadcast broadcast = Broadcast.start(key, sessionId, remoteAddress, clock.instant());
    broadcasts.add(broadcast);
    LOG.info(
        () ->
            "Broadcast "
                + broadcast.id()
                + " live on "
                + channel.name()
                + " from "
                + remoteAddress
                + " with key "
                + key.id());
    return new PublishOutcome.Started(broadcast.id(), channel.name().value());
  }

  /**
   * A key publishing while its channel is live: the same key is an encoder reconnecting after a
   * network drop, whose old connection has not timed out yet, and takes the broadcast over (unless
   * onair.publish.takeover is false); another key must wait until the channel is free.
   */
  private PublishOutcome takeOver(
      Broadcast live, StreamKey key, String sessionId, String remoteAddress) {
    if (!takeover || !live.startedWith(key)) {
      LOG.info(
          () ->
              "Publish refused from " + remoteAddress + ": " + live.channel().name() + " is live");
      return new PublishOutcome.Refused(PublishOutcome.Reason.ALREADY_LIVE);
    }
    live.resumedBy(sessionId, remoteAddress);
    LOG.info(
        () ->
            "Broadcast " + live.id() + " taken over by " + remoteAddress + " with key " + key.id());
    return new PublishOutcome.Started(live.id(), live.channel().name().value());
  }

  /** Ends a broadcast; ending one that has already ended changes nothing. */
  public void end(long broadcastId, Instant at) {
    broadcasts
        .find(broadcastId)
        .ifPresent(
            broadcast -> {
              broadcast.end(at);
              LOG.info(() -> "Broadcast " + broadcastId + " ended.");
            });
  }
}
