package io.onair.streaming.media.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaPathTest {

  private static final TrackRef VIDEO_720 = new TrackRef("720p", TrackKind.VIDEO);
  private static final TrackRef AUDIO_SOURCE = new TrackRef("source", TrackKind.AUDIO);

  static Stream<MediaPath> everyKindOfPath() {
    return Stream.of(
        new MediaPath.Multivariant(),
        new MediaPath.Mpd(),
        new MediaPath.TrackPlaylist(VIDEO_720),
        new MediaPath.Init(AUDIO_SOURCE),
        new MediaPath.SegmentFile(VIDEO_720, 0),
        new MediaPath.SegmentFile(AUDIO_SOURCE, 123_456_789_012L),
        new MediaPath.PartFile(VIDEO_720, 41, 0),
        new MediaPath.PartFile(new TrackRef("400x400", TrackKind.VIDEO), 41, 12));
  }

  @ParameterizedTest
  @MethodSource("everyKindOfPath")
  void everyPathParsesBackToWhatWroteIt(MediaPath path) {
    assertThat(MediaPath.parse(path.path())).contains(path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "main.m3u8|main.m3u8",
        "manifest.mpd|manifest.mpd",
        "720p/video/index.m3u8|TrackPlaylist",
        "720p/video/init.mp4|Init",
        "720p/video/41.m4s|41.m4s",
        "720p/audio/41.3.m4s|41.3.m4s"
      })
  void theNamesAreTheDocumentedOnes(String pathAndWhat) {
    String path = pathAndWhat.split("\\|")[0];
    MediaPath parsed = MediaPath.parse(path).orElseThrow();
    assertThat(parsed.path()).isEqualTo(path);
    if (parsed instanceof MediaPath.TrackFile file) {
      assertThat(file.fileName()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
    }
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "/main.m3u8",
        "MAIN.m3u8",
        "720p/video/041.m4s", // leading zero: a second URL for segment 41
        "720p/video/41.03.m4s",
        "720p/video/-1.m4s",
        "720p/video/41.m4s.tmp",
        "720p/video/41..m4s",
        "720p/video/1234567890123456789.m4s",
        "720p/subtitles/41.m4s",
        "720P/video/41.m4s",
        "7.20p/video/41.m4s",
        "../video/41.m4s",
        "720p/../41.m4s",
        "720p/video/sub/41.m4s",
        "720p/video/index.m3u",
        "720p/video/init.mp4?key=x",
        "720p//41.m4s"
      })
  void anythingElseIsNotOneOfOurPaths(String path) {
    assertThat(MediaPath.parse(path)).isEmpty();
  }
}
