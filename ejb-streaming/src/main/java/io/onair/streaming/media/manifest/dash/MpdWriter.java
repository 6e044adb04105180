package io.onair.streaming.media.manifest.dash;

import io.onair.streaming.media.manifest.AudioTrack;
import io.onair.streaming.media.manifest.BroadcastTimelines;
import io.onair.streaming.media.manifest.LiveSettings;
import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.Playback;
import io.onair.streaming.media.manifest.Rendition;
import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.TrackTimeline;
import io.onair.streaming.media.manifest.UtcTimestamp;
import io.onair.streaming.media.manifest.VideoTrack;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The MPD of a broadcast (ISO/IEC 23009-1), in the live profile (8.4) and the CMAF profile (8.12):
 * one Period from PT0S, one video AdaptationSet with a Representation per rendition, one audio
 * AdaptationSet with a Representation per distinct audio track, each Representation addressed by a
 * SegmentTemplate with {@code $Number$} and a SegmentTimeline (5.3.9.4, 5.3.9.6).
 *
 * <ul>
 *   <li>Live ({@link Playback#LIVE_WINDOW}, {@link Playback#FROM_START}): {@code type="dynamic"}
 *       (5.3.1.2), {@code availabilityStartTime} the broadcast's start (media time 0), {@code
 *       minimumUpdatePeriod} one segment target (the timeline grows by a segment at a time, so
 *       clients must reload that often), {@code timeShiftBufferDepth} the live window, or absent
 *       (unbounded) from the start, and a UTCTiming element (5.8.5.7) naming our own time endpoint:
 *       an intranet client cannot reach public time servers, and DASH clients compute segment
 *       availability from their clock.
 *   <li>Once the broadcast has ended, the live MPD stays dynamic, loses {@code minimumUpdatePeriod}
 *       and gains {@code mediaPresentationDuration}: the end-of-live signalling of the DASH-IF live
 *       guidelines, which keeps playing clients in place.
 *   <li>Replay ({@link Playback#REPLAY}): {@code type="static"} with {@code
 *       mediaPresentationDuration}, every segment listed.
 * </ul>
 *
 * <p>Every Representation has its own SegmentTemplate and timeline rather than one shared per
 * AdaptationSet: renditions are aligned in time, but a transcoded rung may still be writing a
 * segment the source has finished, and a shared timeline would advertise it before it exists.
 *
 * <p>Low-latency DASH ({@code availabilityTimeOffset}, ServiceDescription) is not offered: it needs
 * delivery to stream a segment while it is being written (chunked transfer from its parts), which
 * delivery does not do; advertising it without that would make clients fetch too early.
 */
public final class MpdWriter {

  static final String PROFILES =
      "urn:mpeg:dash:profile:isoff-live:2011,urn:mpeg:dash:profile:cmaf:2019";
  static final String UTC_HTTP_ISO = "urn:mpeg:dash:utc:http-iso:2014";
  static final String CHANNEL_CONFIGURATION =
      "urn:mpeg:dash:23003:3:audio_channel_configuration:2011";

  private final LiveSettings settings;
  private final String utcTimingUrl;

  /**
   * @param utcTimingUrl where clients fetch the server's time as an ISO 8601 string (the http-iso
   *     scheme); absolute, or an absolute path on the portal's own origin
   */
  public MpdWriter(LiveSettings settings, String utcTimingUrl) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.utcTimingUrl = Objects.requireNonNull(utcTimingUrl, "utcTimingUrl");
  }

  /**
   * @throws IllegalStateException when a published track has no complete segment yet, or a replay
   *     is asked of a broadcast that has not ended
   */
  public String write(BroadcastTimelines broadcast, Playback playback) {
    boolean dynamic = playback != Playback.REPLAY;
    if (!dynamic && !broadcast.ended()) {
      throw new IllegalStateException("a replay needs an ended broadcast");
    }
    Listing listing = new Listing(broadcast, playback);
    MpdXml xml = new MpdXml();
    xml.open("MPD", mpdAttributes(broadcast, playback, listing));
    xml.open("Period", "id", "0", "start", "PT0S");
    videoAdaptationSet(xml, broadcast, listing);
    audioAdaptationSet(xml, broadcast, listing);
    xml.close("Period");
    if (dynamic) {
      xml.empty("UTCTiming", "schemeIdUri", UTC_HTTP_ISO, "value", utcTimingUrl);
    }
    return xml.close("MPD").finish();
  }

  private String[] mpdAttributes(BroadcastTimelines broadcast, Playback playback, Listing listing) {
    boolean dynamic = playback != Playback.REPLAY;
    boolean ended = broadcast.ended();
    long maxSegmentMillis =
        Math.max(settings.maxSegmentDuration().toMillis(), listing.longestSegmentMillis());
    return new String[] {
      "xmlns", "urn:mpeg:dash:schema:mpd:2011",
      "profiles", PROFILES,
      "type", dynamic ? "dynamic" : "static",
      "availabilityStartTime", dynamic ? UtcTimestamp.format(broadcast.startedAt()) : null,
      "publishTime", dynamic ? UtcTimestamp.format(listing.lastChange()) : null,
      "minimumUpdatePeriod", dynamic && !ended ? XsDuration.format(settings.segmentTarget()) : null,
      "mediaPresentationDuration", ended ? XsDuration.formatMillis(listing.endMillis()) : null,
      "timeShiftBufferDepth",
          playback == Playback.LIVE_WINDOW ? XsDuration.format(settings.window()) : null,
      "suggestedPresentationDelay", dynamic ? XsDuration.formatMillis(3 * maxSegmentMillis) : null,
      "maxSegmentDuration", XsDuration.formatMillis(maxSegmentMillis),
      "minBufferTime", XsDuration.formatMillis(maxSegmentMillis)
    };
  }

  /** SAP type 1: every segment starts with a closed-GOP keyframe (23009-1 4.5.2, Annex I). */
  private static void videoAdaptationSet(
      MpdXml xml, BroadcastTimelines broadcast, Listing listing) {
    xml.open(
        "AdaptationSet",
        "id",
        "1",
        "contentType",
        "video",
        "mimeType",
        "video/mp4",
        "segmentAlignment",
        "true",
        "startWithSAP",
        "1");
    for (Rendition r : broadcast.ladder().renditions()) {
      VideoTrack video = r.video();
      xml.open(
          "Representation",
          "id",
          "video-" + r.name(),
          "bandwidth",
          Long.toString(video.peakBandwidth()),
          "width",
          Integer.toString(video.width()),
          "height",
          Integer.toString(video.height()),
          "frameRate",
          video.frameRate().toRatio(),
          "codecs",
          video.codecs());
      segmentTemplate(xml, TrackRef.video(r), broadcast, listing);
      xml.close("Representation");
    }
    xml.close("AdaptationSet");
  }

  private static void audioAdaptationSet(
      MpdXml xml, BroadcastTimelines broadcast, Listing listing) {
    xml.open(
        "AdaptationSet",
        "id",
        "2",
        "contentType",
        "audio",
        "mimeType",
        "audio/mp4",
        "segmentAlignment",
        "true",
        "startWithSAP",
        "1");
    for (Rendition r : broadcast.ladder().audioSources()) {
      AudioTrack audio = r.audio();
      xml.open(
          "Representation",
          "id",
          "audio-" + r.name(),
          "bandwidth",
          Long.toString(audio.bandwidth()),
          "codecs",
          audio.codecs(),
          "audioSamplingRate",
          Integer.toString(audio.sampleRate()));
      // 23009-1 5.8.5.4: the value of this scheme is the number of channels.
      xml.empty(
          "AudioChannelConfiguration",
          "schemeIdUri",
          CHANNEL_CONFIGURATION,
          "value",
          Integer.toString(audio.channels()));
      segmentTemplate(xml, TrackRef.audio(r), broadcast, listing);
      xml.close("Representation");
    }
    xml.close("AdaptationSet");
  }

  /**
   * Paths are relative to the MPD at {@link MediaPath.Mpd}; {@code startNumber} is the number of
   * the first listed segment, which {@code $Number$} counts from along the timeline (5.3.9.4.4).
   */
  private static void segmentTemplate(
      MpdXml xml, TrackRef track, BroadcastTimelines broadcast, Listing listing) {
    TrackTimeline timeline = broadcast.timeline(track);
    List<Segment> segments = listing.segments(track);
    xml.open(
        "SegmentTemplate",
        "timescale",
        Long.toString(timeline.timescale()),
        "initialization",
        new MediaPath.Init(track).path(),
        "media",
        track.directory() + "/$Number$.m4s",
        "startNumber",
        Long.toString(segments.get(0).number()));
    xml.open("SegmentTimeline");
    for (TimelineRun run : TimelineRun.of(segments)) {
      xml.empty(
          "S",
          "t",
          run.explicitStart() ? Long.toString(run.start()) : null,
          "d",
          Long.toString(run.duration()),
          "r",
          run.repeat() > 0 ? Integer.toString(run.repeat()) : null);
    }
    xml.close("SegmentTimeline");
    xml.close("SegmentTemplate");
  }

  /** The segments each published track lists, and the MPD-wide values derived from them. */
  private final class Listing {
    private final BroadcastTimelines broadcast;
    private final Playback playback;

    Listing(BroadcastTimelines broadcast, Playback playback) {
      this.broadcast = broadcast;
      this.playback = playback;
      for (TrackTimeline t : broadcast.tracks().values()) {
        if (t.isEmpty()) {
          throw new IllegalStateException("no complete segment yet");
        }
      }
    }

    List<Segment> segments(TrackRef track) {
      TrackTimeline timeline = broadcast.timeline(track);
      return playback == Playback.LIVE_WINDOW
          ? timeline.newest(timeline.units(settings.window()))
          : timeline.segments();
    }

    long longestSegmentMillis() {
      return broadcast.tracks().entrySet().stream()
          .flatMap(e -> segments(e.getKey()).stream().map(s -> millis(s, e.getValue())))
          .mapToLong(Long::longValue)
          .max()
          .orElse(0);
    }

    /** The end of the longest track: the presentation's duration, as the Period starts at 0. */
    long endMillis() {
      return broadcast.tracks().values().stream()
          .mapToLong(t -> -Math.floorDiv(-t.last().orElseThrow().endTime() * 1000, t.timescale()))
          .max()
          .orElse(0);
    }

    /**
     * publishTime (5.3.1.2): when the newest listed segment was completed. Deriving it from the
     * index, not the clock, gives identical MPDs for an unchanged index, as the rule that equal
     * publishTimes mean equal MPDs wants.
     */
    Instant lastChange() {
      return broadcast.tracks().values().stream()
          .map(t -> completedAt(t.last().orElseThrow(), t))
          .max(Instant::compareTo)
          .orElseThrow();
    }

    private Instant completedAt(Segment s, TrackTimeline t) {
      return s.programDateTime().plusMillis(millis(s, t));
    }

    /** Rounded up: a maximum must not understate the segment it bounds. */
    private long millis(Segment s, TrackTimeline t) {
      return -Math.floorDiv(-s.duration() * 1000, t.timescale());
    }
  }
}
