package io.onair.streaming.infrastructure.ffmpeg;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version an ffmpeg reports on the first line of {@code ffmpeg -version}: {@code ffmpeg version
 * <version> Copyright ...}. Builds spell it their own way:
 *
 * <ul>
 *   <li>releases: {@code 7.1}, {@code 8.0.1}; distributions add their revision, {@code
 *       5.1.6-0+deb12u1} (Debian), {@code 6.1.1-3ubuntu5}; builds from git tags add an {@code n},
 *       {@code n7.1}, and a {@code git describe} suffix past one, {@code n7.1-12-g1a2b3c4};
 *   <li>builds of the development branch: {@code N-112345-g1a2b3c4d5e}, newer than every release
 *       before them.
 * </ul>
 *
 * The transcoding argv needs {@value #MINIMUM} or newer: {@code -force_key_frames source} and
 * {@code -fps_mode} came in 5.1 (Debian 12's). Development builds are taken as new enough; any
 * other spelling is refused, since nothing says it is.
 */
record FfmpegVersion(String text) {

  static final String MINIMUM = "5.1";
  private static final int MINIMUM_MAJOR = 5;
  private static final int MINIMUM_MINOR = 1;

  /** A version is one word; 100 characters is far beyond any real one. */
  private static final Pattern FIRST_LINE = Pattern.compile("ffmpeg version (\\S{1,100})(?: .*)?");

  private static final Pattern RELEASE = Pattern.compile("n?(\\d{1,4})\\.(\\d{1,4})(?:[-.+~_].*)?");
  private static final Pattern DEVELOPMENT = Pattern.compile("N-\\d+-g\\p{XDigit}+.*");

  /** The version on {@code line}, if it is the first line of {@code ffmpeg -version}. */
  static Optional<FfmpegVersion> ofFirstLine(String line) {
    Matcher m = FIRST_LINE.matcher(line.strip());
    return m.matches() ? Optional.of(new FfmpegVersion(m.group(1))) : Optional.empty();
  }

  /** Whether it is {@value #MINIMUM} or newer, or a development build. */
  boolean isSupported() {
    if (DEVELOPMENT.matcher(text).matches()) {
      return true;
    }
    Matcher release = RELEASE.matcher(text);
    if (!release.matches()) {
      return false;
    }
    int major = Integer.parseInt(release.group(1));
    int minor = Integer.parseInt(release.group(2));
    return major > MINIMUM_MAJOR || (major == MINIMUM_MAJOR && minor >= MINIMUM_MINOR);
  }
}
