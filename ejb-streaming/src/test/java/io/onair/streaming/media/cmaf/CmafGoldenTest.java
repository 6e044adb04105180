package io.onair.streaming.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recorded sample, packaged, against the committed box-tree dumps in testdata/golden. Run with
 * {@code -Dgolden.update=true} to rewrite them after a deliberate change (testdata/README.md).
 */
class CmafGoldenTest {

  static final String GOLDEN = "testdata/golden/";
  static final Path SOURCE_DIR = Path.of("src/test/resources/io/onair/streaming/media/cmaf");

  static Packaging packaging;

  @BeforeAll
  static void packageTheSample() throws IOException {
    packaging = Packaging.of(FlvFile.read("testdata/sample.flv"), SegmentPolicy.DEFAULT);
  }

  @Test
  void videoTrackMatchesItsGoldenDump() throws IOException {
    compare("video.txt", dump(packaging.video));
  }

  @Test
  void audioTrackMatchesItsGoldenDump() throws IOException {
    compare("audio.txt", dump(packaging.audio));
  }

  static String dump(Packaging.Track track) {
    StringBuilder out = new StringBuilder();
    out.append("# ")
        .append(track.format.codecs())
        .append(", timescale ")
        .append(track.format.timescale())
        .append("\n\n== init\n")
        .append(BoxTree.dump(track.init));
    for (SegmentComplete segment : track.segments) {
      out.append(
          String.format(
              "%n== segment %d start=%d duration=%d bytes=%d%n",
              segment.number(), segment.start(), segment.duration(), segment.bytes().length));
      for (PartComplete part : track.parts) {
        if (part.segmentNumber() == segment.number()) {
          out.append(
              String.format(
                  "-- part %d start=%d duration=%d independent=%s bytes=%d%n",
                  part.partIndex(),
                  part.start(),
                  part.duration(),
                  part.independent(),
                  part.bytes().length));
        }
      }
      out.append(BoxTree.dump(segment.bytes()));
    }
    return out.toString();
  }

  private static void compare(String name, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Path file = SOURCE_DIR.resolve(GOLDEN + name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = CmafGoldenTest.class.getResourceAsStream(GOLDEN + name)) {
      assertThat(in).as("golden file %s; create it with -Dgolden.update=true", name).isNotNull();
      assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
