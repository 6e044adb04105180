package io.onair.rtmp.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.protocol.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlvRoundTripTest {

  @Test
  void framesWrittenAreTheFramesRead() throws IOException {
    // Every vector's frame again and again, its decode time moved on past 24 bits and its bytes
    // grown, so tags of every kind and size follow one another.
    List<MediaFrame> frames = new ArrayList<>();
    long dts = 0xFFFF00;
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      for (FlvVectors.Vector vector : FlvVectors.ALL) {
        MediaFrame like = vector.frame();
        byte[] data = new byte[like.size() == 0 ? 0 : random.nextInt(5_000)];
        random.nextBytes(data);
        frames.add(
            new MediaFrame(
                like.track(),
                like.codec(),
                like.kind(),
                dts,
                like.compositionOffset(),
                false,
                ByteBuffer.wrap(data)));
        dts += random.nextInt(40);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FlvWriter writer = new FlvWriter(out, true, true);
    for (MediaFrame frame : frames) {
      writer.write(frame, frame.dts());
    }
    FlvReader reader = new FlvReader(new ByteArrayInputStream(out.toByteArray()), 8_192);
    assertThat(FlvReaderTest.readAll(reader)).isEqualTo(frames);
  }

  @Test
  void randomBytesAfterAHeaderYieldFramesOrATypedError() throws IOException {
    for (long seed = 0; seed < 5_000; seed++) {
      Random random = new Random(seed);
      byte[] noise = new byte[random.nextInt(64)];
      random.nextBytes(noise);
      if (noise.length > 0) {
        noise[0] = (byte) (random.nextBoolean() ? 8 : 9); // mostly reach the tag body parsers
      }
      byte[] stream = FlvVectors.concat(FlvVectors.HEADER, noise);
      FlvReader reader = new FlvReader(new ByteArrayInputStream(stream), 48);
      try {
        FlvReaderTest.readAll(reader);
      } catch (EOFException | ProtocolException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException e) {
        fail("seed " + seed + ": " + e, e);
      }
    }
  }
}
