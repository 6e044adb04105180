package io.onair.streaming.media.manifest.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.media.manifest.LiveSettings;
import io.onair.streaming.media.manifest.Part;
import io.onair.streaming.media.manifest.Playback;
import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackFixture;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.TrackTimeline;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaPlaylistTest {

  private static final LiveSettings DEFAULTS = LiveSettings.defaults();
  private static final TrackFixture VIDEO = TrackFixture.video30();

  private static String live(TrackTimeline timeline) {
    return new MediaPlaylist(DEFAULTS).write(timeline, Playback.LIVE_WINDOW);
  }

  /** One segment of {@code units} at timescale 10 000, ended, so only EXTINF rules apply. */
  private static TrackTimeline oneSegment(long units) {
    Segment s = new Segment(0, 0, units, TrackFixture.T0, 1, List.of());
    return TrackTimeline.ended(10_000, List.of(s));
  }

  private static String tag(String playlist, String prefix) {
    return playlist.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
  }

  private static long count(String playlist, String prefix) {
    return playlist.lines().filter(l -> l.startsWith(prefix)).count();
  }

  @ParameterizedTest(name = "max segment {0} ms -> TARGETDURATION {1}")
  @CsvSource({"2000, 2", "2400, 2", "2499, 2", "2500, 3", "4000, 4", "6600, 7"})
  void targetDurationIsTheConfiguredMaximumRoundedHalfUp(long maxMillis, long expected) {
    LiveSettings settings =
        new LiveSettings(
            Duration.ofMinutes(2),
            Duration.ofSeconds(2),
            Duration.ofMillis(maxMillis),
            Duration.ofMillis(500));
    String playlist = new MediaPlaylist(settings).write(VIDEO.live(3, 0), Playback.LIVE_WINDOW);
    assertThat(tag(playlist, "#EXT-X-TARGETDURATION:"))
        .isEqualTo("#EXT-X-TARGETDURATION:" + expected);
  }

  @ParameterizedTest(name = "segment of {0}/10000 s -> EXTINF {1}, TARGETDURATION {2}")
  @CsvSource({
    "24994, 2.499, 2", // rounds below the half
    "24996, 2.500, 3", // exact value rounds down, the printed 2.500 rounds up: the printed one wins
    "42000, 4.200, 4",
    "45000, 4.500, 5"
  })
  void aSegmentLongerThanTheMaximumRaisesTheTargetToItsPrintedDuration(
      long units, String extinf, long target) {
    String playlist = new MediaPlaylist(DEFAULTS).write(oneSegment(units), Playback.REPLAY);
    assertThat(tag(playlist, "#EXTINF:")).isEqualTo("#EXTINF:" + extinf + ",");
    assertThat(tag(playlist, "#EXT-X-TARGETDURATION:"))
        .isEqualTo("#EXT-X-TARGETDURATION:" + target);
  }

  @ParameterizedTest(name = "{0} units at 90 kHz -> EXTINF:{1}")
  @CsvSource({
    "180180, 2.002",
    "90000, 1.000",
    "1, 0.000",
    "44, 0.000",
    "45, 0.001",
    "945000, 10.500"
  })
  void extinfHasExactlyThreeDecimalsRoundedHalfUp(long units, String expected) {
    Segment s = new Segment(0, 0, units, TrackFixture.T0, 1, List.of());
    String playlist =
        new MediaPlaylist(DEFAULTS).write(TrackTimeline.ended(90_000, List.of(s)), Playback.REPLAY);
    assertThat(tag(playlist, "#EXTINF:")).isEqualTo("#EXTINF:" + expected + ",");
  }

  @ParameterizedTest(name = "part target {0} ms -> PART-TARGET={1}, PART-HOLD-BACK={2}")
  @CsvSource({"512, 0.512, 1.536", "200, 0.200, 0.600", "333, 0.333, 0.999", "1000, 1.000, 3.000"})
  void partHoldBackIsThreeTimesThePartTarget(long partMillis, String target, String holdBack) {
    LiveSettings settings =
        new LiveSettings(
            Duration.ofMinutes(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofMillis(partMillis));
    Part tiny = new Part(0, 9_000, true); // 0.1 s, shorter than every target above
    List<Segment> withoutParts =
        VIDEO.segments(0, 3).stream()
            .map(
                s ->
                    new Segment(
                        s.number(), s.startTime(), s.duration(), s.programDateTime(), 1, List.of()))
            .toList();
    TrackTimeline timeline = TrackTimeline.live(90_000, withoutParts, open(3, tiny));
    String playlist = new MediaPlaylist(settings).write(timeline, Playback.LIVE_WINDOW);
    assertThat(tag(playlist, "#EXT-X-PART-INF:"))
        .isEqualTo("#EXT-X-PART-INF:PART-TARGET=" + target);
    assertThat(tag(playlist, "#EXT-X-SERVER-CONTROL:"))
        .isEqualTo("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=" + holdBack);
  }

  @Test
  void aPartLongerThanThePartTargetRaisesItAndTheHoldBack() {
    Part longPart = new Part(0, 54_045, true); // 0.6005 s, printed 0.601
    TrackTimeline timeline = TrackTimeline.live(90_000, VIDEO.segments(0, 3), open(3, longPart));
    String playlist = live(timeline);
    assertThat(playlist)
        .contains("#EXT-X-PART-INF:PART-TARGET=0.601\n")
        .contains("PART-HOLD-BACK=1.803\n")
        .contains("#EXT-X-PART:DURATION=0.601,URI=\"3.0.m4s\",INDEPENDENT=YES\n");
  }

  @Test
  void partsAreListedOnlyForSegmentsWithinThreeTargetDurationsOfTheEnd() {
    // 20 segments of 2 s and two 0.5 s parts of segment 20: the playlist ends at 41 s, so parts
    // are kept for segments starting at or after 41 - 3 * 2 = 35 s: 18 (36 s), 19 and 20.
    String playlist = live(VIDEO.live(20, 2));
    Set<String> withParts = new TreeSet<>();
    playlist
        .lines()
        .filter(l -> l.startsWith("#EXT-X-PART:"))
        .forEach(l -> withParts.add(l.replaceAll(".*URI=\"(\\d+)\\..*", "$1")));
    assertThat(withParts).containsExactly("18", "19", "20");
    assertThat(count(playlist, "#EXT-X-PART:")).isEqualTo(4 + 4 + 2);
  }

  @Test
  void onlyPartsStartingWithAKeyframeAreIndependent() {
    String playlist = live(VIDEO.live(4, 3));
    assertThat(playlist)
        .contains("URI=\"4.0.m4s\",INDEPENDENT=YES\n")
        .contains("URI=\"4.1.m4s\"\n")
        .contains("URI=\"4.2.m4s\"\n");
  }

  @Test
  void preloadHintNamesTheNextPartOfTheOpenSegment() {
    assertThat(tag(live(VIDEO.live(20, 2)), "#EXT-X-PRELOAD-HINT:"))
        .isEqualTo("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"20.2.m4s\"");
  }

  @Test
  void preloadHintAfterACompletedSegmentNamesPartZeroOfTheNext() {
    TrackTimeline noOpen = TrackTimeline.live(90_000, VIDEO.segments(0, 20), null);
    assertThat(tag(live(noOpen), "#EXT-X-PRELOAD-HINT:"))
        .isEqualTo("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"20.0.m4s\"");
    assertThat(live(VIDEO.live(20, 0))).contains("URI=\"20.0.m4s\"").doesNotContain("20.0.m4s\",");
  }

  @Test
  void anEndedPlaylistEndsWithEndlistAndHasNoLowLatencyTags() {
    String playlist = live(VIDEO.ended(20));
    assertThat(playlist).endsWith("19.m4s\n#EXT-X-ENDLIST\n");
    assertThat(playlist)
        .doesNotContain("#EXT-X-PART", "#EXT-X-PRELOAD-HINT", "#EXT-X-SERVER-CONTROL")
        .doesNotContain("#EXT-X-PLAYLIST-TYPE");
  }

  @Test
  void aLivePlaylistHasNoEndlist() {
    assertThat(live(VIDEO.live(20, 2))).doesNotContain("#EXT-X-ENDLIST");
  }

  @Test
  void theLiveWindowStartsAtTheOldestSegmentCoveringTwoMinutes() {
    String playlist = live(VIDEO.live(75, 0));
    assertThat(tag(playlist, "#EXT-X-MEDIA-SEQUENCE:")).isEqualTo("#EXT-X-MEDIA-SEQUENCE:15");
    assertThat(count(playlist, "#EXTINF:")).isEqualTo(60);
    assertThat(playlist).contains("\n15.m4s\n").doesNotContain("\n14.m4s\n");
  }

  @Test
  void theLiveWindowIsNeverShorterThanThreeTargetDurations() {
    String playlist =
        new MediaPlaylist(DEFAULTS.withWindow(Duration.ofSeconds(2)))
            .write(VIDEO.live(10, 0), Playback.LIVE_WINDOW);
    assertThat(tag(playlist, "#EXT-X-MEDIA-SEQUENCE:")).isEqualTo("#EXT-X-MEDIA-SEQUENCE:7");
    assertThat(count(playlist, "#EXTINF:")).isEqualTo(3);
  }

  @Test
  void fromTheStartIsAnEventPlaylistOfEverySegmentThatStartsPlayersAtTheBeginning() {
    String playlist = new MediaPlaylist(DEFAULTS).write(VIDEO.live(75, 1), Playback.FROM_START);
    assertThat(playlist)
        .contains(
            "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-START:TIME-OFFSET=0\n");
    assertThat(count(playlist, "#EXTINF:")).isEqualTo(75);
  }

  @Test
  void theReplayIsAVodPlaylistOfEverySegment() {
    String playlist = new MediaPlaylist(DEFAULTS).write(VIDEO.ended(75), Playback.REPLAY);
    assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD\n").endsWith("#EXT-X-ENDLIST\n");
    assertThat(count(playlist, "#EXTINF:")).isEqualTo(75);
    assertThat(playlist).doesNotContain("#EXT-X-START", "#EXT-X-PART");
  }

  @Test
  void aReplayOfALiveBroadcastOrAPlaylistWithoutSegmentsIsRefused() {
    MediaPlaylist writer = new MediaPlaylist(DEFAULTS);
    assertThatThrownBy(() -> writer.write(VIDEO.live(3, 0), Playback.REPLAY))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> writer.write(VIDEO.live(0, 2), Playback.LIVE_WINDOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no complete segment");
  }

  @Test
  void everySegmentHasItsProgramDateTimeInUtcWithMilliseconds() {
    Instant odd = Instant.parse("2026-11-21T09:00:00.123456789Z");
    Segment s = new Segment(7, 0, 90_000, odd, 1, List.of());
    String playlist =
        new MediaPlaylist(DEFAULTS).write(TrackTimeline.ended(90_000, List.of(s)), Playback.REPLAY);
    assertThat(playlist).contains("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T09:00:00.123Z\n#EXTINF:");
    String live = live(VIDEO.live(30, 0));
    assertThat(count(live, "#EXT-X-PROGRAM-DATE-TIME:")).isEqualTo(count(live, "#EXTINF:"));
  }

  @Test
  void versionSixAndTheInitSegmentHeadEveryPlaylist() {
    String playlist = live(VIDEO.live(3, 0));
    assertThat(playlist).startsWith("#EXTM3U\n#EXT-X-VERSION:6\n");
    assertThat(playlist).contains("#EXT-X-MAP:URI=\"init.mp4\"\n");
    assertThat(count(playlist, "#EXT-X-MAP")).isEqualTo(1);
  }

  private static io.onair.streaming.media.manifest.OpenSegment open(long number, Part... parts) {
    List<Part> list = new ArrayList<>(List.of(parts));
    return new io.onair.streaming.media.manifest.OpenSegment(
        number, VIDEO.startOf(number), VIDEO.at(VIDEO.startOf(number)), list);
  }

  @Test
  void renditionReportsFollowThePreloadHintAndResolveToTheSiblingPlaylists() {
    TrackRef r480 = new TrackRef("480p", TrackKind.VIDEO);
    TrackRef r360 = new TrackRef("360p", TrackKind.VIDEO);
    List<RenditionReport> reports =
        List.of(
            RenditionReport.of(r480, VIDEO.live(20, 3)).orElseThrow(),
            RenditionReport.of(r360, VIDEO.live(19, 0)).orElseThrow());
    String playlist =
        new MediaPlaylist(DEFAULTS).write(VIDEO.live(20, 2), Playback.LIVE_WINDOW, reports);
    assertThat(playlist)
        .endsWith(
            "#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"20.2.m4s\"\n"
                + "#EXT-X-RENDITION-REPORT:URI=\"../../480p/video/index.m3u8\",LAST-MSN=20,LAST-PART=2\n"
                + "#EXT-X-RENDITION-REPORT:URI=\"../../360p/video/index.m3u8\",LAST-MSN=18,LAST-PART=3\n");
    URI self = URI.create("https://onair.example.internal/live/town-hall/720p/video/index.m3u8");
    assertThat(self.resolve("../../480p/video/index.m3u8"))
        .isEqualTo(
            URI.create("https://onair.example.internal/live/town-hall/480p/video/index.m3u8"));
  }

  @Test
  void aRenditionReportOmitsTheLastPartWhenTheIndexNoLongerKeepsParts() {
    Segment bare = new Segment(0, 0, 180_000, TrackFixture.T0, 1, List.of());
    TrackRef track = new TrackRef("source", TrackKind.AUDIO);
    assertThat(RenditionReport.of(track, TrackTimeline.live(90_000, List.of(bare), null)))
        .contains(new RenditionReport(track, 0, OptionalInt.empty()));
    assertThat(RenditionReport.of(track, TrackTimeline.live(90_000, List.of(), null))).isEmpty();
  }

  @Test
  void anEndedPlaylistCarriesNoRenditionReports() {
    TrackRef r480 = new TrackRef("480p", TrackKind.VIDEO);
    RenditionReport report = RenditionReport.of(r480, VIDEO.ended(20)).orElseThrow();
    String playlist =
        new MediaPlaylist(DEFAULTS).write(VIDEO.ended(20), Playback.LIVE_WINDOW, List.of(report));
    assertThat(playlist).doesNotContain("#EXT-X-RENDITION-REPORT");
  }
}
