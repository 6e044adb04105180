package io.onair.streaming.media.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.manifest.FrameRate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rungs a source gets, at which size and frame rate. */
class TranscodePlanTest {

  private static final FrameRate FPS30 = FrameRate.of(30);
  private static final TranscodeLadder SQUARE =
      LadderSyntax.parse("720x720:720x720@2000k;400x400:400x400@800k");

  private static List<String> sizes(TranscodePlan plan) {
    return plan.rungs().stream().map(r -> r.name() + "=" + r.width() + "x" + r.height()).toList();
  }

  private static TranscodePlan plan(int width, int height, TranscodeLadder ladder) {
    return TranscodePlan.of(new SourceVideo(width, height, FPS30), ladder);
  }

  @Test
  void a1080pSourceGetsTheWholeDefaultLadderAfterItsPassthrough() {
    TranscodePlan plan = plan(1920, 1080, TranscodeLadder.DEFAULT);

    assertThat(sizes(plan)).containsExactly("720p=1280x720", "480p=854x480", "360p=640x360");
    assertThat(plan.renditionNames()).containsExactly("source", "720p", "480p", "360p");
  }

  @Test
  void aRungIsOnlyEncodedBelowTheSourceNeverAtItsSize() {
    assertThat(sizes(plan(1280, 720, TranscodeLadder.DEFAULT)))
        .containsExactly("480p=854x480", "360p=640x360");
    assertThat(sizes(plan(854, 480, TranscodeLadder.DEFAULT))).containsExactly("360p=640x360");
  }

  @Test
  void aSourceBelowEveryRungIsPublishedAlone() {
    TranscodePlan plan = plan(320, 180, TranscodeLadder.DEFAULT);

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.renditionNames()).containsExactly("source");
  }

  @Test
  void noLadderMeansNoRungsWhateverTheSource() {
    assertThat(plan(3840, 2160, TranscodeLadder.none()).isEmpty()).isTrue();
  }

  @Test
  void aSquareLadderOnASquareSourceKeepsItsExactSizes() {
    assertThat(sizes(plan(1080, 1080, SQUARE)))
        .containsExactly("720x720=720x720", "400x400=400x400");
    assertThat(sizes(plan(720, 720, SQUARE))).containsExactly("400x400=400x400");
  }

  @Test
  void anUprightPhoneGetsUprightRungsOfTheSameSizeClass() {
    assertThat(sizes(plan(1080, 1920, TranscodeLadder.DEFAULT)))
        .containsExactly("720p=720x1280", "480p=480x854", "360p=360x640");
  }

  @Test
  void aSquareSourceGetsSquareRungsFromALandscapeLadder() {
    assertThat(sizes(plan(1080, 1080, TranscodeLadder.DEFAULT)))
        .containsExactly("720p=720x720", "480p=480x480", "360p=360x360");
  }

  @Test
  void anotherShapeKeepsTheRungsShortSideAndTheSourcesAspect() {
    assertThat(sizes(plan(1440, 1080, TranscodeLadder.DEFAULT)))
        .as("4:3")
        .containsExactly("720p=960x720", "480p=640x480", "360p=480x360");
    assertThat(sizes(plan(1920, 1080, SQUARE)))
        .as("a square ladder on 16:9: 400 x 16/9 = 711.1, rounded to the even 712")
        .containsExactly("720x720=1280x720", "400x400=712x400");
  }

  @Test
  void aRungOfTheSourcesShapeWithinOnePercentKeepsItsConfiguredSize() {
    TranscodeLadder mod16 = LadderSyntax.parse("480p:848x480@1400k");

    assertThat(sizes(plan(1920, 1080, mod16))).containsExactly("480p=848x480");
    assertThat(sizes(plan(1280, 720, mod16))).containsExactly("480p=848x480");
  }

  @Test
  void theLongSideFollowingTheSourceIsRoundedToTheNearestEvenNumber() {
    TranscodeLadder square = LadderSyntax.parse("a:360x360@500k;b:300x300@400k");

    // 360 x 641/361 = 639.2 -> 640; 300 x 641/361 = 532.7 -> 532
    assertThat(sizes(plan(641, 361, square))).containsExactly("a=640x360", "b=532x300");
    // 300 x 16/9 = 533.3 -> 534
    assertThat(sizes(plan(1920, 1080, square))).containsExactly("a=640x360", "b=534x300");
  }

  @Test
  void aSourceWithinOnePercentOfTheRungsShapeGetsTheConfiguredSize() {
    // 1278x718 is 16:9 within 0.05%
    assertThat(sizes(plan(1278, 718, TranscodeLadder.DEFAULT)))
        .containsExactly("480p=854x480", "360p=640x360");
  }

  @Test
  void noRungIsEverWiderOrTallerThanItsSource() {
    TranscodeLadder odd = LadderSyntax.parse("a:1280x720@1M;b:720x720@1M;c:720x1280@1M;d:2x2@1k");
    int[][] sources = {{1920, 1080}, {1080, 1920}, {1000, 1000}, {721, 722}, {4, 3}, {3000, 724}};
    for (int[] s : sources) {
      for (PlannedRung r : plan(s[0], s[1], odd).rungs()) {
        assertThat(r.width()).as("%s from %dx%d", r.name(), s[0], s[1]).isLessThanOrEqualTo(s[0]);
        assertThat(r.height()).as("%s from %dx%d", r.name(), s[0], s[1]).isLessThanOrEqualTo(s[1]);
        assertThat(Math.min(r.width(), r.height())).isLessThan(Math.min(s[0], s[1]));
      }
    }
  }

  @ParameterizedTest(name = "{0} fps source, at most {1}: {2}, dropping frames: {3}")
  @CsvSource({
    "30, 30, 30, false",
    "60, 30, 30, true",
    "50, 30, 25, true",
    "60, 25, 20, true",
    "120, 25, 24, true",
    "30000/1001, 30, 30000/1001, false",
    "60000/1001, 30, 30000/1001, true",
    "25, 30, 25, false",
    "24, 30000/1001, 24, false",
  })
  void theFrameRateIsTheSourcesDividedUntilItIsNotAboveTheMaximum(
      String source, String max, String expected, boolean drops) {
    Rung rung = Rung.of("360p", 640, 360, 800_000).withMaxFrameRate(rate(max));
    PlannedRung planned =
        TranscodePlan.of(new SourceVideo(1920, 1080, rate(source)), TranscodeLadder.of(rung))
            .rungs()
            .get(0);

    assertThat(planned.frameRate().toRatio()).isEqualTo(expected);
    assertThat(planned.dropsFrames()).isEqualTo(drops);
  }

  @Test
  void withoutAMaximumTheRungKeepsTheSourcesFrameRate() {
    PlannedRung planned =
        TranscodePlan.of(
                new SourceVideo(1920, 1080, FrameRate.of(60)),
                TranscodeLadder.of(Rung.of("720p", 1280, 720, 4_500_000)))
            .rungs()
            .get(0);

    assertThat(planned.frameRate()).isEqualTo(FrameRate.of(60));
    assertThat(planned.dropsFrames()).isFalse();
  }

  @Test
  void theRungsKeepTheConfiguredOrder() {
    TranscodeLadder lowFirst = LadderSyntax.parse("360p:640x360@800k;720p:1280x720@3000k");

    assertThat(plan(1920, 1080, lowFirst).renditionNames())
        .containsExactly("source", "360p", "720p");
  }

  private static FrameRate rate(String ratio) {
    String[] parts = ratio.split("/");
    return new FrameRate(
        Integer.parseInt(parts[0]), parts.length == 1 ? 1 : Integer.parseInt(parts[1]));
  }
}
