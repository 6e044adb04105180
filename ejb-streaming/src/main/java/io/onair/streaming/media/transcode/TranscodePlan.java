package io.onair.streaming.media.transcode;

import io.onair.streaming.media.manifest.FrameRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one broadcast is transcoded into: the configured rungs that fit its source, each at the size
 * and frame rate it gets. The source itself is always published as the {@value #SOURCE} rendition,
 * passed through untouched; a plan without rungs needs no ffmpeg process at all.
 *
 * <p><b>Size.</b> A rung's shorter side names its size class: "720p" is 1280x720 for a landscape
 * source, 720x1280 for a phone held upright, 720x720 for a square one. That is the convention
 * players and platforms label pictures by, and it keeps about the pixel count the rung's bit rate
 * was chosen for; fitting the rung's box instead would give an upright phone a 404x720 "720p" at a
 * 1280x720 bit rate. So:
 *
 * <ul>
 *   <li>a rung whose shorter side is not below the source's is left out: no upscaling, and no copy
 *       of the passthrough at the same size;
 *   <li>a rung of the source's shape (within 1%) is encoded at exactly its configured size, which
 *       is how an operator chooses 848x480 over 854x480 for a 16:9 source;
 *   <li>otherwise the rung's shorter side is kept and the longer one follows the source's aspect
 *       ratio, rounded to the nearest even number: a 4:3 source's 720p is 960x720, a 16:9 source's
 *       400x400 rung is 712x400;
 *   <li>a result wider or taller than the source is left out (rounding could otherwise add a
 *       column).
 * </ul>
 *
 * <p><b>Frame rate.</b> Never above the source's. A rung with a lower maximum keeps every n-th
 * frame, n the smallest whole number that brings the rate down to the maximum (60 fps with a 30 fps
 * maximum is 30, 50 fps is 25), and always the source's key frames: the source's timestamps are
 * kept rather than resampled onto a new grid, so every rung's segments start exactly where the
 * source's do.
 *
 * <p>The rungs keep the configured order, which is the order the manifests list them in.
 */
public record TranscodePlan(SourceVideo source, List<PlannedRung> rungs) {

  /** The name of the passthrough rendition: the source as published. */
  public static final String SOURCE = "source";

  public TranscodePlan {
    Objects.requireNonNull(source, "source");
    rungs = List.copyOf(rungs);
  }

  /** The rungs of {@code ladder} that {@code source} gets, in the ladder's order. */
  public static TranscodePlan of(SourceVideo source, TranscodeLadder ladder) {
    List<PlannedRung> planned = new ArrayList<>();
    for (Rung rung : ladder.rungs()) {
      plan(source, rung).ifPresent(planned::add);
    }
    return new TranscodePlan(source, planned);
  }

  /** Whether nothing is transcoded: the broadcast is its source alone. */
  public boolean isEmpty() {
    return rungs.isEmpty();
  }

  /** Every rendition of the broadcast: {@value #SOURCE} first, then the rungs. */
  public List<String> renditionNames() {
    List<String> names = new ArrayList<>();
    names.add(SOURCE);
    rungs.forEach(r -> names.add(r.name()));
    return names;
  }

  private static Optional<PlannedRung> plan(SourceVideo source, Rung rung) {
    if (rung.shortSide() >= source.shortSide()) {
      return Optional.empty();
    }
    int width;
    int height;
    if (sameShape(rung, source)) {
      width = rung.width();
      height = rung.height();
    } else {
      int longSide =
          even(
              (double) rung.shortSide()
                  * Math.max(source.width(), source.height())
                  / source.shortSide());
      width = source.isPortrait() ? rung.shortSide() : longSide;
      height = source.isPortrait() ? longSide : rung.shortSide();
    }
    if (width > source.width() || height > source.height()) {
      return Optional.empty();
    }
    FrameRate sourceRate = source.frameRate();
    int every = rung.maxFrameRate().map(max -> keepEvery(sourceRate, max)).orElse(1);
    FrameRate rate =
        every == 1
            ? sourceRate
            : new FrameRate(sourceRate.numerator(), sourceRate.denominator() * every);
    return Optional.of(new PlannedRung(rung, width, height, rate, every > 1));
  }

  /** Whether the aspect ratios differ by at most 1%: 854x480 and 848x480 are both 16:9. */
  private static boolean sameShape(Rung rung, SourceVideo source) {
    long rungAcross = (long) rung.width() * source.height();
    long sourceAcross = (long) source.width() * rung.height();
    return 100 * Math.abs(rungAcross - sourceAcross) <= sourceAcross;
  }

  /** The nearest even whole number, at least 2. */
  private static int even(double pixels) {
    return (int) Math.max(2, 2 * Math.round(pixels / 2));
  }

  /** The smallest n such that the source's rate divided by n is not above {@code max}. */
  private static int keepEvery(FrameRate source, FrameRate max) {
    // source / n <= max  <=>  n >= (sn * md) / (sd * mn)
    long above = (long) source.numerator() * max.denominator();
    long below = (long) source.denominator() * max.numerator();
    return (int) Math.max(1, (above + below - 1) / below);
  }
}
