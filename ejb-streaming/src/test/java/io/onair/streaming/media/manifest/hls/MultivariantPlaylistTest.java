package io.onair.streaming.media.manifest.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.media.manifest.AudioTrack;
import io.onair.streaming.media.manifest.FrameRate;
import io.onair.streaming.media.manifest.Ladder;
import io.onair.streaming.media.manifest.Ladders;
import io.onair.streaming.media.manifest.Rendition;
import io.onair.streaming.media.manifest.VideoTrack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultivariantPlaylistTest {

  private static List<String> lines(String playlist, String prefix) {
    return playlist.lines().filter(l -> l.startsWith(prefix)).toList();
  }

  @Test
  void bandwidthIsTheVideoPeakPlusTheAudioOfItsGroup() {
    String playlist = MultivariantPlaylist.write(Ladders.landscape());
    List<String> variants = lines(playlist, "#EXT-X-STREAM-INF:");
    assertThat(variants.get(0))
        .startsWith("#EXT-X-STREAM-INF:BANDWIDTH=6660000,AVERAGE-BANDWIDTH=4660000,");
    assertThat(variants.get(1))
        .startsWith("#EXT-X-STREAM-INF:BANDWIDTH=3328000,AVERAGE-BANDWIDTH=2628000,");
  }

  @Test
  void eachVariantNamesVideoAndAudioCodecsResolutionAndFrameRate() {
    String playlist = MultivariantPlaylist.write(Ladders.landscape());
    assertThat(lines(playlist, "#EXT-X-STREAM-INF:").get(1))
        .endsWith(
            ",CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=29.970,"
                + "AUDIO=\"audio-720p\"");
  }

  @Test
  void renditionsSharingAnAudioEncodeShareOneAudioGroup() {
    String playlist = MultivariantPlaylist.write(Ladders.landscape());
    assertThat(lines(playlist, "#EXT-X-MEDIA:"))
        .containsExactly(
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio-source\",NAME=\"main\",DEFAULT=YES,"
                + "AUTOSELECT=YES,CHANNELS=\"2\",URI=\"source/audio/index.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio-720p\",NAME=\"main\",DEFAULT=YES,"
                + "AUTOSELECT=YES,CHANNELS=\"2\",URI=\"720p/audio/index.m3u8\"");
    assertThat(lines(playlist, "#EXT-X-STREAM-INF:"))
        .extracting(l -> l.replaceAll(".*AUDIO=\"([^\"]+)\".*", "$1"))
        .containsExactly("audio-source", "audio-720p", "audio-720p", "audio-720p");
  }

  @Test
  void aQueryReachesEveryMediaPlaylistUriAndOnlyAPlainOneIsTaken() {
    String playlist = MultivariantPlaylist.write(Ladders.landscape(), "?from=start");
    assertThat(playlist.lines().filter(l -> !l.startsWith("#")))
        .isNotEmpty()
        .allMatch(l -> l.endsWith("/video/index.m3u8?from=start"));
    assertThat(lines(playlist, "#EXT-X-MEDIA:"))
        .allMatch(l -> l.endsWith("/audio/index.m3u8?from=start\""));
    assertThatThrownBy(() -> MultivariantPlaylist.write(Ladders.landscape(), "?a=\"b\""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void variantsFollowTheLadderOrderAndPointAtTheirVideoPlaylists() {
    String playlist = MultivariantPlaylist.write(Ladders.square());
    assertThat(playlist.lines().filter(l -> !l.startsWith("#")).toList())
        .containsExactly(
            "source/video/index.m3u8",
            "720x720/video/index.m3u8",
            "400x400/video/index.m3u8",
            "240x240/video/index.m3u8");
    assertThat(lines(playlist, "#EXT-X-STREAM-INF:"))
        .extracting(l -> l.replaceAll(".*RESOLUTION=([0-9x]+),.*", "$1"))
        .containsExactly("1080x1080", "720x720", "400x400", "240x240");
  }

  @Test
  void segmentsAreDeclaredIndependentForEveryMediaPlaylist() {
    assertThat(MultivariantPlaylist.write(Ladders.square()))
        .startsWith("#EXTM3U\n#EXT-X-INDEPENDENT-SEGMENTS\n")
        .doesNotContain("#EXT-X-VERSION");
  }

  @ParameterizedTest(name = "{0}/{1} fps -> FRAME-RATE={2}")
  @CsvSource({
    "30, 1, 30.000",
    "30000, 1001, 29.970",
    "60000, 1001, 59.940",
    "24000, 1001, 23.976",
    "25, 1, 25.000",
    "50, 1, 50.000"
  })
  void frameRateHasThreeDecimals(int num, int den, String expected) {
    Ladder ladder =
        Ladder.of(
            new Rendition(
                "source",
                new VideoTrack(
                    "avc1.64001f", 1280, 720, new FrameRate(num, den), 3_000_000, 2_000_000),
                new AudioTrack("mp4a.40.2", 128_000, 48_000, 2)));
    assertThat(MultivariantPlaylist.write(ladder)).contains(",FRAME-RATE=" + expected + ",");
  }
}
