package io.onair.streaming.application;

import io.onair.rtmp.api.LiveFeed;
import io.onair.rtmp.api.LiveFeedConnection;
import io.onair.streaming.domain.account.Role;
import io.onair.streaming.domain.channel.ChannelRepository;
import io.onair.streaming.infrastructure.rtmp.LiveFeeds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;
import java.time.Duration;
import java.util.Optional;

/**
 * What a live channel's feed carries: its codecs and formats, read from the adapter's live feed the
 * way the packager and transcoder consume it. For operators checking what an encoder sends.
 */
@Stateless
public class LiveFeedService {

  /**
   * How long to wait for a feed's first frames. A channel that just went live has no key frame
   * cached yet; OBS and ffmpeg send one at least every few seconds.
   */
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Inject private ChannelRepository channels;
  @Inject private LiveFeeds feeds;

  /**
   * Subscribes to the channel's feed, reads its start and leaves it again.
   *
   * @throws ChannelNotFoundException when there is no such channel
   * @throws LiveFeedUnavailableException when the live feeds cannot be reached
   */
  // Up to WAIT of waiting for frames: no transaction held open, no database connection pinned.
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @RolesAllowed(Role.Names.ADMIN)
  public LiveFeedView inspect(String channelName) {
    String channel = ChannelService.existing(channels, channelName).name().value();
    try (LiveFeedConnection connection = feeds.connect()) {
      FeedSample sample = new FeedSample();
      Optional<LiveFeed> feed = connection.subscribe(channel, sample);
      if (feed.isEmpty()) {
        return LiveFeedView.offAir(channel);
      }
      return new LiveFeedView(channel, true, sample.read(feed.get(), WAIT), feed.get().metadata());
    } catch (ResourceException e) {
      throw new LiveFeedUnavailableException("live feeds unavailable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LiveFeedUnavailableException("interrupted while reading the live feed", e);
    }
  }
}
