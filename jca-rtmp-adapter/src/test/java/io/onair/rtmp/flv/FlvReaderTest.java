package io.onair.rtmp.flv;

import static io.onair.rtmp.flv.FlvVectors.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.amf.AnnotatedHex;
import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.protocol.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class FlvReaderTest {

  private static final int LIMIT = 1 << 20;

  /** A live socket as the reader may meet it: at most one byte a read, and a count of them. */
  private static final class TrickleStream extends FilterInputStream {
    int consumed;

    TrickleStream(byte[] bytes) {
      super(new ByteArrayInputStream(bytes));
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      consumed += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int read = super.read(b, off, Math.min(len, 1));
      consumed += Math.max(read, 0);
      return read;
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("io.onair.rtmp.flv.FlvVectors#ALL")
  void eachTagIsReadIntoItsFrame(FlvVectors.Vector vector) throws IOException {
    FlvReader reader = reader(concat(FlvVectors.HEADER, vector.tag()));
    MediaFrame frame = reader.next();
    assertThat(frame).isEqualTo(vector.frame());
    assertThat(frame.discontinuity()).isFalse();
    assertThat(reader.next()).isNull();
  }

  @Test
  void aStreamOfTagsIsReadInOrderThenEndsCleanly() throws IOException {
    FlvReader reader = reader(FlvVectors.stream());
    assertThat(readAll(reader)).isEqualTo(frames());
    assertThat(reader.next()).as("still at the end").isNull();
  }

  @Test
  void aStreamArrivingOneByteAtATimeReadsTheSame() throws IOException {
    byte[] stream = FlvVectors.stream();
    TrickleStream in = new TrickleStream(stream);
    assertThat(readAll(new FlvReader(in, LIMIT))).isEqualTo(frames());
    assertThat(in.consumed).isEqualTo(stream.length);
  }

  @Test
  void aStreamSplitAtEveryOffsetReadsTheSame() throws IOException {
    byte[] stream = FlvVectors.stream();
    for (int split = 0; split <= stream.length; split++) {
      InputStream in =
          new SequenceInputStream(
              new ByteArrayInputStream(stream, 0, split),
              new ByteArrayInputStream(stream, split, stream.length - split));
      assertThat(readAll(new FlvReader(in, LIMIT))).as("split at %d", split).isEqualTo(frames());
    }
  }

  @Test
  void noByteBeyondTheFrameIsReadFromTheStream() throws IOException {
    byte[] stream = FlvVectors.stream();
    TrickleStream in = new TrickleStream(stream);
    FlvReader reader = new FlvReader(in, LIMIT);
    reader.next();
    assertThat(in.consumed).isEqualTo(13 + FlvVectors.ALL.get(0).tag().length);
    reader.next();
    assertThat(in.consumed)
        .isEqualTo(13 + FlvVectors.ALL.get(0).tag().length + FlvVectors.ALL.get(1).tag().length);
  }

  @Test
  void theEndOfTheStreamInsideATagOrTheHeaderNamesWhereItFell() throws IOException {
    byte[] stream = concat(FlvVectors.HEADER, FlvVectors.ALL.get(1).tag());
    for (int end = 0; end < stream.length; end++) {
      FlvReader reader = reader(Arrays.copyOf(stream, end));
      if (end == 13) {
        assertThat(reader.next()).as("a clean end after PreviousTagSize0").isNull();
        continue;
      }
      String field =
          end < 9
              ? "the FLV header"
              : end < 13
                  ? "PreviousTagSize0"
                  : end < 13 + 11
                      ? "a tag header"
                      : end < 13 + 11 + 11 ? "a tag body (DataSize 11)" : "PreviousTagSize";
      assertThatThrownBy(reader::next)
          .as("ending after %d bytes", end)
          .isInstanceOf(EOFException.class)
          .hasMessageStartingWith("FLV stream ended in " + field + " after ");
    }
  }

  @Test
  void theEofMessageCountsTheBytesOfTheField() {
    byte[] stream = concat(FlvVectors.HEADER, Arrays.copyOf(FlvVectors.ALL.get(1).tag(), 15));
    assertThatThrownBy(() -> reader(stream).next())
        .isInstanceOf(EOFException.class)
        .hasMessage("FLV stream ended in a tag body (DataSize 11) after 4 of 11 bytes");
  }

  @Test
  void aTagOverTheLimitIsRefusedBeforeItsBodyIsRead() throws IOException {
    byte[] stream =
        concat(
            FlvVectors.HEADER,
            AnnotatedHex.parse(
                "09 ffffff 000000 00 000000 # DataSize 16 MiB - 1, no body follows"));
    TrickleStream in = new TrickleStream(stream);
    FlvReader reader = new FlvReader(in, 64);
    assertThatThrownBy(reader::next)
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> {
              assertThat(e.field()).isEqualTo("FLV tag DataSize");
              assertThat(e.value()).isEqualTo(0xFFFFFF);
            })
        .hasMessage("FLV tag DataSize 16777215: over the limit of 64 bytes (TagType 9)");
    assertThat(in.consumed).isEqualTo(stream.length);
  }

  @Test
  void aTagAtTheLimitIsRead() throws IOException {
    FlvVectors.Vector vector = FlvVectors.ALL.get(1); // DataSize 11
    assertThat(
            new FlvReader(new ByteArrayInputStream(concat(FlvVectors.HEADER, vector.tag())), 11)
                .next())
        .isEqualTo(vector.frame());
  }

  @Test
  void aBadSignatureIsRefused() {
    assertRefused("'FLX' 01 05 00000009 00000000", "FLV Signature", "464c58");
    assertRefused("'flv' 01 05 00000009 00000000", "FLV Signature", "666c76");
  }

  @Test
  void aVersionOtherThan1IsRefused() {
    assertRefused("'FLV' 02 05 00000009 00000000", "FLV Version", 2);
    assertRefused("'FLV' 00 05 00000009 00000000", "FLV Version", 0);
  }

  @Test
  void aDataOffsetShorterThanTheHeaderOrBeyondTheBoundIsRefused() {
    assertRefused("'FLV' 01 05 00000008 00000000", "FLV DataOffset", 8L);
    assertRefused("'FLV' 01 05 0000040a 00000000", "FLV DataOffset", 1034L);
    assertRefused("'FLV' 01 05 ffffffff 00000000", "FLV DataOffset", 0xFFFFFFFFL);
  }

  @Test
  void bytesADataOffsetAddsAreSkipped() throws IOException {
    FlvVectors.Vector vector = FlvVectors.ALL.get(4);
    byte[] stream =
        concat(AnnotatedHex.parse("'FLV' 01 05 0000000c aabbcc 00000000"), vector.tag());
    assertThat(readAll(reader(stream))).containsExactly(vector.frame());
  }

  @Test
  void aPreviousTagSize0OtherThan0IsRefused() {
    assertRefused("'FLV' 01 05 00000009 0000000b", "FLV PreviousTagSize0", 11);
  }

  @Test
  void aWrongPreviousTagSizeIsRefused() {
    byte[] tag = FlvVectors.ALL.get(5).tag().clone();
    tag[tag.length - 1]++;
    assertThatThrownBy(() -> reader(concat(FlvVectors.HEADER, tag)).next())
        .isInstanceOf(ProtocolException.class)
        .hasMessage("FLV PreviousTagSize 18: should be 11 + DataSize = 17");
  }

  @Test
  void anEncryptedOrFilteredTagIsRefused() {
    byte[] tag = FlvVectors.ALL.get(5).tag().clone();
    tag[0] = 0x28; // Filter | audio
    assertThatThrownBy(() -> reader(concat(FlvVectors.HEADER, tag)).next())
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.field()).isEqualTo("FLV tag Filter"))
        .hasMessageContaining("TagType 8");
  }

  @Test
  void reservedBitsAndStreamIdAreIgnoredAsFfmpegIgnoresThem() throws IOException {
    FlvVectors.Vector vector = FlvVectors.ALL.get(5);
    byte[] tag = vector.tag().clone();
    tag[0] |= (byte) 0xC0;
    tag[10] = 1;
    assertThat(reader(concat(FlvVectors.HEADER, tag)).next()).isEqualTo(vector.frame());
  }

  @Test
  void scriptDataOtherTagTypesEmptyTagsAndNoFramesArePassedOver() throws IOException {
    FlvVectors.Vector aac = FlvVectors.ALL.get(5);
    byte[] stream =
        concat(
            FlvVectors.HEADER,
            AnnotatedHex.parse(
                """
                12 00000e 000000 00 000000     # script data, 14 bytes
                02 000a 'onMetaData' 05        # AMF0 'onMetaData', null: not read, only skipped
                00000019
                0f 000002 000000 00 000000 abcd 0000000d  # TagType 15: not FLV 10.1's
                09 000000 000000 00 000000 0000000b       # an empty video tag
                09 000002 000000 00 000000 5700 0000000d  # a video command frame
                08 000002 000000 00 000000 b200 0000000d  # Speex: a codec we do not read
                09 000006 000000 00 000000 91 'xxxx' 00 00000011  # an unknown FourCC
                """),
            aac.tag());
    FlvReader reader = reader(stream);
    assertThat(reader.next()).isEqualTo(aac.frame());
    assertThat(reader.next()).isNull();
  }

  @Test
  void aTimestampWithTheSignBitSetIsNegative() throws IOException {
    byte[] stream =
        concat(
            FlvVectors.HEADER,
            AnnotatedHex.parse("08 000003 ffffff ff 000000 af 01 21 0000000e # Timestamp -1"));
    assertThat(reader(stream).next().dts()).isEqualTo(-1);
  }

  @Test
  void aBrokenTagBodyIsTheParsersProtocolError() {
    byte[] stream =
        concat(
            FlvVectors.HEADER, AnnotatedHex.parse("09 000003 000000 00 000000 17 01 00 0000000e"));
    assertThatThrownBy(() -> reader(stream).next())
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("video tag composition time missing");
  }

  @Test
  void anEmptyStreamIsNoFlvStream() {
    assertThatThrownBy(() -> reader(new byte[0]).next())
        .isInstanceOf(EOFException.class)
        .hasMessage("FLV stream ended in the FLV header after 0 of 9 bytes");
  }

  @Test
  void afterAnErrorTheReaderStaysBroken() {
    FlvReader reader = reader(AnnotatedHex.parse("'FLV' 02 05 00000009 00000000"));
    assertThatThrownBy(reader::next).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(reader::next)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("an earlier error ended this FLV stream");
  }

  @Test
  void aReadTimeoutBetweenTagsMayBeRetried() throws IOException {
    FlvVectors.Vector first = FlvVectors.ALL.get(0);
    FlvVectors.Vector second = FlvVectors.ALL.get(1);
    byte[] stream = concat(FlvVectors.HEADER, first.tag(), second.tag());
    int boundary = FlvVectors.HEADER.length + first.tag().length;
    InputStream timingOutOnce =
        new FilterInputStream(new ByteArrayInputStream(stream)) {
          int at;
          boolean timedOut;

          @Override
          public int read() throws IOException {
            if (at == boundary && !timedOut) {
              timedOut = true;
              throw new SocketTimeoutException("Read timed out");
            }
            at++;
            return super.read();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            at += Math.max(read, 0);
            return read;
          }
        };
    FlvReader reader = new FlvReader(timingOutOnce, LIMIT);
    assertThat(reader.next()).isEqualTo(first.frame());
    assertThatThrownBy(reader::next).isInstanceOf(SocketTimeoutException.class);
    assertThat(reader.next()).isEqualTo(second.frame());
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> new FlvReader(InputStream.nullInputStream(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRefused(String header, String field, Object value) {
    assertThatThrownBy(() -> reader(AnnotatedHex.parse(header)).next())
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.value()).isEqualTo(value);
            });
  }

  private static FlvReader reader(byte[] stream) {
    return new FlvReader(new ByteArrayInputStream(stream), LIMIT);
  }

  static List<MediaFrame> readAll(FlvReader reader) throws IOException {
    List<MediaFrame> frames = new ArrayList<>();
    for (MediaFrame frame = reader.next(); frame != null; frame = reader.next()) {
      frames.add(frame);
    }
    return frames;
  }

  private static List<MediaFrame> frames() {
    return FlvVectors.ALL.stream().map(FlvVectors.Vector::frame).toList();
  }
}
