package io.onair.rtmp.flv;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.api.MediaFrame.Kind;
import io.onair.rtmp.api.MediaFrame.Track;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real FLV from ffmpeg (H.264 with B-frames, AAC; see testdata/README.md), read as the transcoder
 * reads ffmpeg's renditions and checked against ffprobe's reading of the same file.
 */
class FlvGoldenFileTest {

  /** The file header, then the onMetaData tag ffmpeg writes first: 11 + 268 + 4 bytes. */
  private static final int FIRST_MEDIA_TAG = 13 + 283;

  private static byte[] golden() throws IOException {
    try (InputStream in = FlvGoldenFileTest.class.getResourceAsStream("testdata/golden.flv")) {
      return in.readAllBytes();
    }
  }

  private static List<MediaFrame> frames(InputStream in) throws IOException {
    return FlvReaderTest.readAll(new FlvReader(in, 1 << 16));
  }

  @Test
  void everyFrameIsReadAndOnMetaDataPassedOver() throws IOException {
    List<MediaFrame> frames = frames(new ByteArrayInputStream(golden()));

    Map<Track, Map<Kind, Long>> counts =
        frames.stream()
            .collect(groupingBy(MediaFrame::track, groupingBy(MediaFrame::kind, counting())));
    assertThat(counts.get(Track.VIDEO))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Kind.CONFIG, 1L, Kind.KEY, 2L, Kind.DELTA, 8L, Kind.END_OF_SEQUENCE, 1L));
    assertThat(counts.get(Track.AUDIO))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Kind.CONFIG, 1L, Kind.KEY, 45L));

    MediaFrame first = frames.get(0);
    assertThat(first.kind()).as("the script tag before it skipped").isEqualTo(Kind.CONFIG);
    assertThat(first.codec()).isEqualTo("avc1");
    // avcC: configurationVersion 1, AVCProfileIndication 100 (High), as ffprobe says.
    assertThat(first.data().get(0)).isEqualTo((byte) 1);
    assertThat(first.data().get(1)).isEqualTo((byte) 100);
    assertThat(frames)
        .filteredOn(f -> f.track() == Track.AUDIO)
        .allMatch(f -> f.codec().equals("mp4a"));
    assertThat(frames).noneMatch(MediaFrame::discontinuity);
  }

  @Test
  void bFramesShowAsCompositionOffsetsAndDecodeTimesOnlyGrow() throws IOException {
    List<MediaFrame> frames = frames(new ByteArrayInputStream(golden()));
    assertThat(frames)
        .filteredOn(f -> f.track() == Track.VIDEO)
        .extracting(MediaFrame::compositionOffset)
        .contains(100, 200, 400);
    for (Track track : Track.values()) {
      long[] dts =
          frames.stream().filter(f -> f.track() == track).mapToLong(MediaFrame::dts).toArray();
      assertThat(dts).as("%s", track).isSorted();
    }
  }

  /**
   * The coded frames, in file order, as ffprobe lists the packets of the same file (sequence
   * headers and the end of sequence are no packets to it):
   *
   * <pre>
   * ffprobe -v error -show_entries packet=codec_type,pts,dts,size,flags -of compact=p=0 golden.flv
   * </pre>
   */
  @Test
  void codedFramesMatchFfprobesPackets() throws IOException {
    List<String> expected;
    try (InputStream in =
        FlvGoldenFileTest.class.getResourceAsStream("testdata/golden.ffprobe.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
    }
    List<String> actual =
        frames(new ByteArrayInputStream(golden())).stream()
            .filter(f -> f.kind() == Kind.KEY || f.kind() == Kind.DELTA)
            .map(FlvGoldenFileTest::asFfprobePacket)
            .toList();
    assertThat(actual).hasSize(55).containsExactlyElementsOf(expected);
  }

  @Test
  void readingOneByteAtATimeOrSplitAnywhereGivesTheSameFrames() throws IOException {
    byte[] golden = golden();
    List<MediaFrame> whole = frames(new ByteArrayInputStream(golden));
    InputStream trickle =
        new FilterInputStream(new ByteArrayInputStream(golden)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    assertThat(frames(trickle)).isEqualTo(whole);
    for (int split = 0; split <= golden.length; split += 7) {
      InputStream in =
          new SequenceInputStream(
              new ByteArrayInputStream(golden, 0, split),
              new ByteArrayInputStream(golden, split, golden.length - split));
      assertThat(frames(in)).as("split at %d", split).isEqualTo(whole);
    }
  }

  /** ffmpeg's tags and ours agree byte for byte: the writer is checked by a second muxer. */
  @Test
  void writingTheFramesBackGivesFfmpegsBytesButForOnMetaData() throws IOException {
    byte[] golden = golden();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FlvWriter writer = new FlvWriter(out, true, true);
    for (MediaFrame frame : frames(new ByteArrayInputStream(golden))) {
      writer.write(frame, frame.dts());
    }
    byte[] expected =
        FlvVectors.concat(
            Arrays.copyOf(golden, 13), Arrays.copyOfRange(golden, FIRST_MEDIA_TAG, golden.length));
    assertThat(out.toByteArray()).isEqualTo(expected);
  }

  private static String asFfprobePacket(MediaFrame frame) {
    return String.format(
        "codec_type=%s|pts=%d|dts=%d|size=%d|flags=%s",
        frame.track() == Track.VIDEO ? "video" : "audio",
        frame.pts(),
        frame.dts(),
        frame.size(),
        frame.isKeyFrame() ? "K_" : "__");
  }
}
