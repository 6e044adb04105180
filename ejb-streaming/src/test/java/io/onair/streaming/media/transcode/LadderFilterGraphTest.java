package io.onair.streaming.media.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.manifest.FrameRate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter graph of a plan: one split, one chain per rung. */
class LadderFilterGraphTest {

  @Test
  void oneRungIsASplitOfOne() {
    TranscodePlan plan =
        TranscodePlan.of(
            new SourceVideo(1280, 720, FrameRate.of(30)), LadderSyntax.parse("360p:640x360@800k"));

    assertThat(LadderFilterGraph.of(plan.rungs()))
        .isEqualTo("[0:v:0]split=1[360p-in];[360p-in]scale=640:360,setsar=1,format=yuv420p[360p]");
  }

  @Test
  void onlyARungBelowTheSourcesFrameRateSelectsFrames() {
    TranscodePlan plan =
        TranscodePlan.of(
            new SourceVideo(1920, 1080, FrameRate.of(60)),
            LadderSyntax.parse("720p60:1280x720@4500k;360p:640x360@800k,fps=30"));

    assertThat(LadderFilterGraph.of(plan.rungs()))
        .isEqualTo(
            "[0:v:0]split=2[720p60-in][360p-in];"
                + "[720p60-in]scale=1280:720,setsar=1,format=yuv420p[720p60];"
                + "[360p-in]select=isnan(prev_selected_t)+eq(key\\,1)"
                + "+gte(t-prev_selected_t\\,0.032333),scale=640:360,setsar=1,format=yuv420p[360p]");
  }

  @ParameterizedTest(name = "{0}/{1} fps: frames at least {2} s apart")
  @CsvSource({"30, 1, 0.032333", "25, 1, 0.039000", "30000, 1001, 0.032366", "20, 1, 0.049000"})
  void framesAreKeptOneFrameTimeApartLessAMillisecond(int num, int den, String gap) {
    assertThat(LadderFilterGraph.minimumGap(new FrameRate(num, den)).toPlainString())
        .isEqualTo(gap);
  }

  @Test
  void labelsAreTheRungNames() {
    TranscodePlan plan =
        TranscodePlan.of(new SourceVideo(1920, 1080, FrameRate.of(30)), TranscodeLadder.DEFAULT);

    assertThat(LadderFilterGraph.of(plan.rungs()))
        .contains("[720p]", "[480p]", "[360p]")
        .startsWith("[0:v:0]split=3[720p-in][480p-in][360p-in];");
    assertThat(List.of(LadderFilterGraph.of(plan.rungs()).split(";"))).hasSize(4);
  }
}
