package io.onair.streaming.media.manifest;

import io.onair.streaming.media.manifest.dash.MpdWriter;
import io.onair.streaming.media.manifest.hls.MediaPlaylist;
import io.onair.streaming.media.manifest.hls.MultivariantPlaylist;
import io.onair.streaming.media.manifest.hls.RenditionReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every manifest shape against its committed golden file (testdata/README.md). Default settings: a
 * two-minute window, 2 s segments, 0.5 s parts.
 */
class ManifestGoldenTest {

  private static final String TIME_URL = "https://onair.example.internal/api/time";

  private final MediaPlaylist hls = new MediaPlaylist(LiveSettings.defaults());
  private final MpdWriter dash = new MpdWriter(LiveSettings.defaults(), TIME_URL);

  @Test
  void liveWindowListsTheLastTwoMinutesWithPartsOfTheLastSegments() {
    String playlist = hls.write(TrackFixture.video30().live(75, 0), Playback.LIVE_WINDOW);
    Golden.assertMatches("hls/video-live-window.m3u8", playlist);
  }

  @Test
  void liveVideoListsTheOpenSegmentsPartsHintsTheNextPartAndReportsItsSiblings() {
    TrackFixture video = TrackFixture.video30();
    List<RenditionReport> reports =
        List.of(
            RenditionReport.of(new TrackRef("480p", TrackKind.VIDEO), video.live(5, 3))
                .orElseThrow(),
            RenditionReport.of(new TrackRef("360p", TrackKind.VIDEO), video.live(5, 2))
                .orElseThrow());
    String playlist = hls.write(video.live(5, 3), Playback.LIVE_WINDOW, reports);
    Golden.assertMatches("hls/video-live-parts.m3u8", playlist);
  }

  @Test
  void liveAudioHasIndependentPartsAndSegmentsOfWholeAacFrames() {
    String playlist = hls.write(TrackFixture.aac48k().live(5, 2), Playback.LIVE_WINDOW);
    Golden.assertMatches("hls/audio-live-parts.m3u8", playlist);
  }

  @Test
  void fromTheStartIsAnEventPlaylistStartingAtTheFirstSegment() {
    String playlist = hls.write(TrackFixture.video30().live(10, 1), Playback.FROM_START);
    Golden.assertMatches("hls/video-live-from-start.m3u8", playlist);
  }

  @Test
  void anEndedLiveWindowEndsWithEndlistAndNoLowLatencyTags() {
    String playlist = hls.write(TrackFixture.video30().ended(75), Playback.LIVE_WINDOW);
    Golden.assertMatches("hls/video-live-ended.m3u8", playlist);
  }

  @Test
  void replayIsAVodPlaylistOfEverySegment() {
    String playlist = hls.write(TrackFixture.video30().ended(10), Playback.REPLAY);
    Golden.assertMatches("hls/video-replay.m3u8", playlist);
  }

  @Test
  void multivariantOfALandscapeLadderWithTwoAudioEncodes() {
    Golden.assertMatches(
        "hls/multivariant-landscape.m3u8", MultivariantPlaylist.write(Ladders.landscape()));
  }

  @Test
  void multivariantOfASquareLadder() {
    Golden.assertMatches(
        "hls/multivariant-square.m3u8", MultivariantPlaylist.write(Ladders.square()));
  }

  @Test
  void dynamicMpdOfTheLiveWindow() {
    BroadcastTimelines live = Ladders.timelines(Ladders.landscape(), f -> f.live(75, 2));
    Golden.assertMatches("dash/live-window.mpd", dash.write(live, Playback.LIVE_WINDOW));
  }

  @Test
  void dynamicMpdFromTheStartHasNoTimeShiftLimit() {
    BroadcastTimelines live = Ladders.timelines(Ladders.square(), f -> f.live(10, 1));
    Golden.assertMatches("dash/live-from-start.mpd", dash.write(live, Playback.FROM_START));
  }

  @Test
  void dynamicMpdOfAnEndedBroadcastStopsUpdatesAndStatesTheDuration() {
    BroadcastTimelines ended = Ladders.timelines(Ladders.landscape(), f -> f.ended(75));
    Golden.assertMatches("dash/live-ended.mpd", dash.write(ended, Playback.LIVE_WINDOW));
  }

  @Test
  void staticMpdOfTheReplay() {
    BroadcastTimelines ended = Ladders.timelines(Ladders.square(), f -> f.ended(10));
    Golden.assertMatches("dash/replay.mpd", dash.write(ended, Playback.REPLAY));
  }
}
