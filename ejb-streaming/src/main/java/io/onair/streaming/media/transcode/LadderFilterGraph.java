package io.onair.streaming.media.transcode;

import io.onair.streaming.media.manifest.FrameRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code -filter_complex} of a plan: the decoded source video split once per rung, each copy
 * thinned to the rung's frame rate if it must be, scaled, and converted to 4:2:0. Its outputs are
 * labelled with the rungs' names, for the outputs' {@code -map [name]}.
 *
 * <pre>
 * [0:v:0]split=2[720p-in][360p-in];
 * [720p-in]scale=1280:720,setsar=1,format=yuv420p[720p];
 * [360p-in]select=...,scale=640:360,setsar=1,format=yuv420p[360p]
 * </pre>
 *
 * (without the line breaks). Filter choices:
 *
 * <ul>
 *   <li>{@code select}, not {@code fps}, drops frames: {@code fps} puts the kept frames on a new
 *       time grid, moving them (and the key frames) by up to half a frame, so a rung's segments
 *       would no longer start where the source's do. {@code select} keeps the source's frames and
 *       their timestamps: the first frame, every key frame, and any frame at least one frame time
 *       of the rung's rate after the last one kept, less 1 ms because FLV timestamps are whole
 *       milliseconds (60 fps arrives as 16 and 17 ms steps);
 *   <li>{@code setsar=1}: the rounded width (854 for 853.3) would otherwise leave a sample aspect
 *       ratio such as 1280:1281 in the stream; the manifests declare square pixels;
 *   <li>{@code format=yuv420p}: a 4:2:2 or 10-bit source could not be encoded in Main or High
 *       profile; swscale converts in the same pass as it scales.
 * </ul>
 *
 * <p>The graph is one argument of the argv, never seen by a shell; the only escaping is the
 * filtergraph's own ({@code \,} inside the select expression, whose commas would otherwise end the
 * filter).
 */
final class LadderFilterGraph {

  /** FLV's timestamp resolution, the tolerance of the frame dropping. */
  private static final BigDecimal ONE_MILLISECOND = new BigDecimal("0.001");

  private LadderFilterGraph() {}

  static String of(List<PlannedRung> rungs) {
    String split =
        "[0:v:0]split="
            + rungs.size()
            + rungs.stream().map(r -> "[" + r.name() + "-in]").collect(Collectors.joining());
    String chains = rungs.stream().map(LadderFilterGraph::chain).collect(Collectors.joining(";"));
    return split + ";" + chains;
  }

  private static String chain(PlannedRung rung) {
    String thin = rung.dropsFrames() ? select(rung.frameRate()) + "," : "";
    return "["
        + rung.name()
        + "-in]"
        + thin
        + "scale="
        + rung.width()
        + ":"
        + rung.height()
        + ",setsar=1,format=yuv420p["
        + rung.name()
        + "]";
  }

  /** Keeps the first frame, every key frame, and frames one frame time of {@code rate} apart. */
  static String select(FrameRate rate) {
    return "select=isnan(prev_selected_t)+eq(key\\,1)+gte(t-prev_selected_t\\,"
        + minimumGap(rate).toPlainString()
        + ")";
  }

  /** One frame time of {@code rate} less 1 ms, in seconds, rounded down to microseconds. */
  static BigDecimal minimumGap(FrameRate rate) {
    return BigDecimal.valueOf(rate.denominator())
        .divide(BigDecimal.valueOf(rate.numerator()), 9, RoundingMode.DOWN)
        .subtract(ONE_MILLISECOND)
        .setScale(6, RoundingMode.DOWN);
  }
}
