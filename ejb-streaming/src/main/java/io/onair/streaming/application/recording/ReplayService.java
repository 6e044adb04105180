package io.onair.streaming.application.recording;

import io.onair.streaming.application.ChannelNotFoundException;
import io.onair.streaming.domain.account.Role;
import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.broadcast.BroadcastRepository;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.channel.ChannelRepository;
import io.onair.streaming.domain.recording.RecordedSegment;
import io.onair.streaming.domain.recording.RecordedTrack;
import io.onair.streaming.domain.recording.RecordingRepository;
import io.onair.streaming.media.manifest.BroadcastTimelines;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays: the ended broadcasts of a channel that still have a recording, and the timelines their
 * manifests are written from. An ended broadcast's index no longer changes (until retention deletes
 * it), so delivery can keep what {@link #timelines} returns for as long as it likes.
 */
@Stateless
@RolesAllowed({Role.Names.VIEWER, Role.Names.BROADCASTER, Role.Names.ADMIN})
public class ReplayService {

  /** The most replays one call lists. */
  static final int MAX_LISTED = 100;

  @Inject private ChannelRepository channels;
  @Inject private BroadcastRepository broadcasts;
  @Inject private RecordingRepository recordings;

  public ReplayService() {}

  /** Outside the container (tests). */
  ReplayService(
      ChannelRepository channels, BroadcastRepository broadcasts, RecordingRepository recordings) {
    this.channels = channels;
    this.broadcasts = broadcasts;
    this.recordings = recordings;
  }

  /** The channel's replays, newest first, at most {@code max} (capped at 100). */
  public List<ReplayView> replaysOf(String channelName, int max) {
    Channel channel =
        channels
            .find(new ChannelName(channelName))
            .orElseThrow(() -> new ChannelNotFoundException(channelName));
    return recordings.replaysOf(channel, Math.max(1, Math.min(max, MAX_LISTED))).stream()
        .map(ReplayView::of)
        .toList();
  }

  /**
   * One replay of a channel, by its broadcast: empty if the broadcast is unknown, of another
   * channel or still live. One lookup, so delivery can check a URL's channel on every request.
   */
  public Optional<ReplayView> replay(String channelName, long broadcastId) {
    return broadcasts
        .find(broadcastId)
        .filter(b -> !b.isLive() && b.channel().name().value().equals(channelName))
        .map(ReplayView::of);
  }

  /** The channel's newest replay, if it has one. */
  public Optional<ReplayView> latestReplayOf(String channelName) {
    return replaysOf(channelName, 1).stream().findFirst();
  }

  /**
   * The timelines of an ended broadcast's recording, every segment of every track; empty if the
   * broadcast is unknown, still live (its live window is the packager's), or has no playable
   * recording.
   */
  public Optional<BroadcastTimelines> timelines(long broadcastId) {
    Optional<Broadcast> broadcast = broadcasts.find(broadcastId);
    if (broadcast.isEmpty() || broadcast.get().isLive()) {
      return Optional.empty();
    }
    List<RecordedTrack> tracks = recordings.tracksOf(broadcastId);
    Map<Long, List<RecordedSegment>> segments = new HashMap<>();
    for (RecordedTrack track : tracks) {
      segments.put(track.id(), recordings.segmentsOf(track));
    }
    return ReplayTimelines.of(broadcast.get().startedAt(), tracks, segments);
  }
}
