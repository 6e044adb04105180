package io.onair.streaming.media.manifest;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ladders the golden files and tests describe. */
public final class Ladders {

  public static final AudioTrack SOURCE_AUDIO = new AudioTrack("mp4a.40.2", 160_000, 48_000, 2);
  public static final AudioTrack RUNG_AUDIO = new AudioTrack("mp4a.40.2", 128_000, 48_000, 2);

  private Ladders() {}

  /**
   * A 1080p29.97 source with its own 160 kb/s audio and three transcoded rungs sharing one 128 kb/s
   * audio encode.
   */
  public static Ladder landscape() {
    FrameRate ntsc = new FrameRate(30_000, 1_001);
    return Ladder.of(
        new Rendition(
            "source",
            new VideoTrack("avc1.640028", 1920, 1080, ntsc, 6_500_000, 4_500_000),
            SOURCE_AUDIO),
        new Rendition(
            "720p",
            new VideoTrack("avc1.64001f", 1280, 720, ntsc, 3_200_000, 2_500_000),
            RUNG_AUDIO),
        new Rendition(
            "480p",
            new VideoTrack("avc1.64001e", 854, 480, ntsc, 1_400_000, 1_100_000),
            RUNG_AUDIO),
        new Rendition(
            "360p", new VideoTrack("avc1.4d401e", 640, 360, ntsc, 900_000, 700_000), RUNG_AUDIO));
  }

  /** A square 30 fps broadcast (a phone held upright, cropped): 1080, 720, 400 and 240 wide. */
  public static Ladder square() {
    FrameRate fps30 = FrameRate.of(30);
    return Ladder.of(
        new Rendition(
            "source",
            new VideoTrack("avc1.640028", 1080, 1080, fps30, 5_000_000, 3_800_000),
            SOURCE_AUDIO),
        new Rendition(
            "720x720",
            new VideoTrack("avc1.64001f", 720, 720, fps30, 2_400_000, 1_800_000),
            RUNG_AUDIO),
        new Rendition(
            "400x400",
            new VideoTrack("avc1.64001e", 400, 400, fps30, 900_000, 700_000),
            RUNG_AUDIO),
        new Rendition(
            "240x240",
            new VideoTrack("avc1.42c015", 240, 240, fps30, 400_000, 300_000),
            RUNG_AUDIO));
  }

  /**
   * Timelines for every published track of {@code ladder}: video from {@code video}, audio from
   * {@code audio}, built by {@code build} (e.g. {@code f -> f.live(75, 2)}).
   */
  public static BroadcastTimelines timelines(
      Ladder ladder, java.util.function.Function<TrackFixture, TrackTimeline> build) {
    Map<TrackRef, TrackTimeline> tracks = new LinkedHashMap<>();
    for (Rendition r : ladder.renditions()) {
      tracks.put(TrackRef.video(r), build.apply(TrackFixture.video30()));
    }
    for (Rendition r : ladder.audioSources()) {
      tracks.put(TrackRef.audio(r), build.apply(TrackFixture.aac48k()));
    }
    return new BroadcastTimelines(TrackFixture.T0, ladder, tracks);
  }
}
