package io.onair.streaming.application;

import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.channel.ChannelRepository;
import io.onair.streaming.domain.channel.InvalidChannelNameException;
import io.onair.streaming.domain.viewertoken.ViewerToken;
import io.onair.streaming.domain.viewertoken.ViewerTokenRepository;
import io.onair.streaming.domain.viewertoken.ViewerTokenSecret;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Deciding who may play a channel. Callers are the RTMP ingest, which has no signed-in user: the
 * viewer token is the credential, checked here.
 *
 * <p>The token is checked before the channel, so that without a valid token a client learns nothing
 * about which channels exist.
 */
@Stateless
@PermitAll
public class PlaybackService {

  private static final Logger LOG = Logger.getLogger(PlaybackService.class.getName());

  @Inject private ViewerTokenRepository tokens;
  @Inject private ChannelRepository channels;
  @Inject private Clock clock;

  public PlaybackService() {}

  /** Outside the container (tests). */
  PlaybackService(ViewerTokenRepository tokens, ChannelRepository channels, Clock clock) {
    this.tokens = tokens;
    this.channels = channels;
    this.clock = clock;
  }

  /**
   * Whether the holder of {@code presented} may play the channel named {@code channelName}, both as
   * the client sent them. {@code remoteAddress} is for the log only.
   */
  public PlayOutcome authorize(
      String channelName, ViewerTokenSecret presented, String remoteAddress) {
    Optional<ChannelName> name = parse(channelName);
    String asked = name.map(ChannelName::value).orElse("an invalid channel name");
    if (!presented.isWellFormed()) {
      return denied(
          PlayOutcome.Reason.INVALID_TOKEN, asked, remoteAddress, "no or malformed token");
    }
    Optional<ViewerToken> token = tokens.findBySecret(presented);
    if (token.isEmpty()) {
      return denied(PlayOutcome.Reason.INVALID_TOKEN, asked, remoteAddress, "unknown token");
    }
    String holder = token.get().account().username() + " with token " + token.get().id();
    if (!token.get().isValidAt(clock.instant())) {
      return denied(PlayOutcome.Reason.INVALID_TOKEN, asked, remoteAddress, holder + ": expired");
    }
    Optional<Channel> channel = name.flatMap(channels::find);
    if (channel.isEmpty()) {
      String why = holder + ": no such channel";
      return denied(PlayOutcome.Reason.UNKNOWN_CHANNEL, asked, remoteAddress, why);
    }
    if (!channel.get().isEnabled()) {
      String why = holder + ": channel disabled";
      return denied(PlayOutcome.Reason.CHANNEL_DISABLED, asked, remoteAddress, why);
    }
    LOG.info(() -> "Play of " + asked + " from " + remoteAddress + " by " + holder);
    return new PlayOutcome.Allowed(channel.get().name().value(), token.get().account().username());
  }

  /** The name, if it is one; the adapter passes on whatever the client sent. */
  private static Optional<ChannelName> parse(String channelName) {
    try {
      return Optional.of(new ChannelName(channelName));
    } catch (InvalidChannelNameException e) {
      return Optional.empty();
    }
  }

  /** Logs a refusal naming the address and the reason, never the token, and returns it. */
  private static PlayOutcome denied(
      PlayOutcome.Reason reason, String channel, String remoteAddress, String why) {
    LOG.info(() -> "Play of " + channel + " refused from " + remoteAddress + ": " + why);
    return new PlayOutcome.Denied(reason);
  }
}
