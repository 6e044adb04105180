package io.onair.streaming.ingest;

import io.onair.rtmp.api.PlayDecision;
import io.onair.rtmp.api.PlayDenial;
import io.onair.rtmp.api.PlayRequest;
import io.onair.rtmp.api.PublishDecision;
import io.onair.rtmp.api.PublishEnded;
import io.onair.rtmp.api.PublishRequest;
import io.onair.rtmp.api.RefusalReason;
import io.onair.rtmp.api.RtmpListener;
import io.onair.streaming.application.PlayOutcome;
import io.onair.streaming.application.PlaybackService;
import io.onair.streaming.application.PublishOutcome;
import io.onair.streaming.application.PublishService;
import io.onair.streaming.application.packaging.PackagingJobs;
import io.onair.streaming.domain.streamkey.StreamKeySecret;
import io.onair.streaming.domain.viewertoken.ViewerTokenSecret;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/**
 * Decides the publishes and plays of the RTMP application {@code live}. No adapter is named: Payara
 * binds the bean to the one deployed adapter that supports {@link RtmpListener}, standalone (Payara
 * Micro) or inside the EAR (Payara Server), so the same bean works in both shapes.
 */
@MessageDriven(
    messageListenerInterface = RtmpListener.class,
    activationConfig =
        @ActivationConfigProperty(
            propertyName = "application",
            propertyValue = RtmpIngestBean.APPLICATION))
public class RtmpIngestBean implements RtmpListener {

  /** The RTMP application this bean serves: the {@code live} of {@code rtmp://host/live/...}. */
  public static final String APPLICATION = "live";

  @Inject private PublishService publishes;
  @Inject private PackagingJobs packaging;
  @Inject private PlaybackService playback;

  public RtmpIngestBean() {}

  /** Outside the container (tests). */
  RtmpIngestBean(PublishService publishes, PlaybackService playback) {
    this.publishes = publishes;
    this.playback = playback;
  }

  @Override
  public PublishDecision onPublish(PublishRequest request) {
    PublishOutcome outcome =
        publishes.start(
            StreamKeySecret.presented(request.streamKey()),
            request.sessionId(),
            request.remoteAddress());
    if (outcome instanceof PublishOutcome.Started started) {
      packaging.start(started.broadcastId(), started.channel());
      return PublishDecision.accept(started.broadcastId(), started.channel());
    }
    return PublishDecision.refuse(reason(((PublishOutcome.Refused) outcome).reason()));
  }

  @Override
  public void onPublishEnded(PublishEnded event) {
    publishes.end(event.broadcastId(), event.endedAt());
  }

  @Override
  public PlayDecision onPlay(PlayRequest request) {
    PlayOutcome outcome =
        playback.authorize(
            request.channel(),
            ViewerTokenSecret.presented(request.viewerToken()),
            request.remoteAddress());
    if (outcome instanceof PlayOutcome.Allowed allowed) {
      return PlayDecision.allow(allowed.channel(), allowed.viewer());
    }
    return PlayDecision.deny(denial(((PlayOutcome.Denied) outcome).reason()));
  }

  private static RefusalReason reason(PublishOutcome.Reason reason) {
    return switch (reason) {
      case UNKNOWN_KEY -> RefusalReason.UNKNOWN_KEY;
      case REVOKED_KEY -> RefusalReason.REVOKED_KEY;
      case CHANNEL_DISABLED -> RefusalReason.CHANNEL_DISABLED;
      case ALREADY_LIVE -> RefusalReason.ALREADY_LIVE;
      case LOCKED_OUT -> RefusalReason.LOCKED_OUT;
    };
  }

  private static PlayDenial denial(PlayOutcome.Reason reason) {
    return switch (reason) {
      case INVALID_TOKEN -> PlayDenial.INVALID_TOKEN;
      case UNKNOWN_CHANNEL -> PlayDenial.UNKNOWN_CHANNEL;
      case CHANNEL_DISABLED -> PlayDenial.FORBIDDEN;
    };
  }
}
