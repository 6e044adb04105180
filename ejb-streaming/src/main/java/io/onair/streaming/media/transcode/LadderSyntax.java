package io.onair.streaming.media.transcode;

import io.onair.streaming.media.manifest.FrameRate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ladder as one line of configuration (a MicroProfile Config property, a channel's setting):
 *
 * <pre>
 * ladder  = "none" | rung *( ";" rung )
 * rung    = name ":" width "x" height "@" bitrate *( "," option )
 * option  = "fps=" ( "source" | integer | integer "/" integer )
 *         | "preset=" x264-preset          ; ultrafast ... placebo
 *         | "profile=" ( "baseline" | "main" | "high" )
 *         | "audio=" bitrate
 * bitrate = integer ( "k" | "M" )          ; kbit/s or Mbit/s
 * </pre>
 *
 * <p>For example {@code 720p:1280x720@3000k,fps=30,preset=veryfast,profile=high,audio=128k;
 * 480p:854x480@1400k}. Omitted options are {@code fps=source} (the source's rate), {@code
 * preset=veryfast}, {@code profile=high} and {@code audio=128k}; each may be given once. Whitespace
 * around the separators is ignored, so a long ladder may wrap. A bit rate needs its unit: a bare
 * {@code 3000} could be bits or kilobits, and a wrong guess is a 1000-fold error. Decimal frame
 * rates are refused for the same reason: 29.97 is 30000/1001, not 2997/100.
 *
 * <p>{@link #format} writes a ladder back with every option spelled out; {@link #parse} of that
 * gives the same ladder.
 */
public final class LadderSyntax {

  private static final Pattern HEAD = Pattern.compile("([^:]*):(.*)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
  private static final Pattern BITRATE = Pattern.compile("(\\d{1,7})([kM])");
  private static final Pattern FPS = Pattern.compile("(\\d{1,6})(?:/(\\d{1,6}))?");
  private static final String EXAMPLE = "720p:1280x720@3000k";

  private LadderSyntax() {}

  /**
   * Reads a configured ladder.
   *
   * @throws LadderSyntaxException naming the rung (by position and text) and what is wrong with it
   */
  public static TranscodeLadder parse(String text) {
    if (text == null || text.isBlank()) {
      throw new LadderSyntaxException(
          "the ladder is empty: write 'none' for no transcoding, or rungs such as " + EXAMPLE);
    }
    if (text.strip().equals("none")) {
      return TranscodeLadder.none();
    }
    String[] parts = text.split(";", -1);
    List<Rung> rungs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < parts.length; i++) {
      Rung rung = rung(i + 1, parts[i].strip());
      if (!names.add(rung.name())) {
        throw new LadderSyntaxException(
            "rung " + (i + 1) + " '" + parts[i].strip() + "': the name is used by an earlier rung");
      }
      rungs.add(rung);
    }
    return new TranscodeLadder(rungs);
  }

  /** Writes {@code ladder} with every option explicit: the canonical form {@link #parse} reads. */
  public static String format(TranscodeLadder ladder) {
    if (ladder.rungs().isEmpty()) {
      return "none";
    }
    return ladder.rungs().stream().map(LadderSyntax::format).collect(Collectors.joining(";"));
  }

  private static String format(Rung r) {
    return r.name()
        + ":"
        + r.width()
        + "x"
        + r.height()
        + "@"
        + kbps(r.videoBitrate())
        + ",fps="
        + r.maxFrameRate().map(FrameRate::toRatio).orElse("source")
        + ",preset="
        + r.preset().x264Name()
        + ",profile="
        + r.profile().x264Name()
        + ",audio="
        + kbps(r.audioBitrate());
  }

  private static String kbps(long bps) {
    return bps / 1000 + "k";
  }

  private static Rung rung(int position, String text) {
    String where = "rung " + position + " '" + text + "': ";
    if (text.isEmpty()) {
      throw new LadderSyntaxException(
          where + "nothing between two ';' (or a ';' at an end); expected e.g. " + EXAMPLE);
    }
    Matcher head = HEAD.matcher(text);
    if (!head.matches()) {
      throw new LadderSyntaxException(
          where + "expected name:WIDTHxHEIGHT@BITRATE, e.g. " + EXAMPLE);
    }
    String[] fields = head.group(2).split(",", -1);
    String[] sizeAndRate = fields[0].strip().split("@", -1);
    if (sizeAndRate.length != 2) {
      throw new LadderSyntaxException(
          where + "expected WIDTHxHEIGHT@BITRATE after the name, e.g. " + EXAMPLE);
    }
    try {
      Matcher size = SIZE.matcher(sizeAndRate[0].strip());
      if (!size.matches()) {
        throw new IllegalArgumentException(
            "size '" + sizeAndRate[0].strip() + "' is not WIDTHxHEIGHT in pixels, e.g. 1280x720");
      }
      Options options = new Options();
      for (int i = 1; i < fields.length; i++) {
        options.set(fields[i].strip());
      }
      return new Rung(
          head.group(1).strip(),
          Integer.parseInt(size.group(1)),
          Integer.parseInt(size.group(2)),
          bitrate("video bit rate", sizeAndRate[1].strip()),
          options.fps,
          options.preset,
          options.profile,
          options.audio);
    } catch (IllegalArgumentException wrong) {
      throw new LadderSyntaxException(where + wrong.getMessage());
    }
  }

  private static long bitrate(String what, String text) {
    Matcher m = BITRATE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + text
              + "' needs a whole number and its unit, k (kbit/s) or M (Mbit/s), e.g. 3000k");
    }
    return Long.parseLong(m.group(1)) * (m.group(2).equals("k") ? 1_000 : 1_000_000);
  }

  private static Optional<FrameRate> frameRate(String text) {
    if (text.equals("source")) {
      return Optional.empty();
    }
    Matcher m = FPS.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "fps '"
              + text
              + "' is not a frame rate: source, a whole number such as 30, or a ratio such as"
              + " 30000/1001");
    }
    int numerator = Integer.parseInt(m.group(1));
    int denominator = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    if (numerator == 0 || denominator == 0) {
      throw new IllegalArgumentException("fps '" + text + "' must be above 0");
    }
    return Optional.of(new FrameRate(numerator, denominator));
  }

  /** The options of one rung, each settable once, starting at the syntax's defaults. */
  private static final class Options {
    private final Set<String> given = new HashSet<>();
    private Optional<FrameRate> fps = Optional.empty();
    private X264Preset preset = Rung.DEFAULT_PRESET;
    private X264Profile profile = Rung.DEFAULT_PROFILE;
    private long audio = Rung.DEFAULT_AUDIO_BITRATE;

    void set(String option) {
      int eq = option.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "option '" + option + "' is not key=value (fps, preset, profile or audio)");
      }
      String key = option.substring(0, eq).strip();
      String value = option.substring(eq + 1).strip();
      if (!given.add(key)) {
        throw new IllegalArgumentException("option '" + key + "' is given twice");
      }
      switch (key) {
        case "fps" -> fps = frameRate(value);
        case "preset" ->
            preset =
                X264Preset.named(value)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "preset '"
                                    + value
                                    + "' is not an x264 preset: "
                                    + X264Preset.allNames()));
        case "profile" ->
            profile =
                X264Profile.named(value)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "profile '"
                                    + value
                                    + "' is not one of "
                                    + X264Profile.allNames()
                                    + " (8-bit 4:2:0 H.264)"));
        case "audio" -> audio = bitrate("audio bit rate", value);
        default ->
            throw new IllegalArgumentException(
                "unknown option '" + key + "' (known: fps, preset, profile, audio)");
      }
    }
  }
}
