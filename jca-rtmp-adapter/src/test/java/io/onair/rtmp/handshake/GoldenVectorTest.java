package io.onair.rtmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.onair.rtmp.handshake.ReferenceClient.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * S0+S1+S2 for a committed C0+C1, with a fixed seed and time, byte for byte: any change to what the
 * server sends shows here. testdata/README.md says how to regenerate the files.
 */
class GoldenVectorTest {

  static final String REGENERATE = "onair.handshake.regenerate";

  private static final Path SOURCE_DIR =
      Path.of("src/test/resources/io/onair/rtmp/handshake/testdata");
  private static final long SERVER_SEED = 20_261_121L;
  private static final Instant TIME = Instant.parse("2026-11-21T18:30:00.123Z");
  private static final int BYTES_PER_LINE = 32;

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theServerReplyIsTheCommittedOne(Kind kind) throws IOException {
    String name = kind.name().toLowerCase();
    if (Boolean.getBoolean(REGENERATE)) {
      regenerate(kind, name);
    }
    byte[] c0c1 = read(name + ".c0c1.hex");

    byte[] reply = Transcript.of(server(), List.of(c0c1)).sent();

    assertThat(HexFormat.of().formatHex(reply))
        .isEqualTo(HexFormat.of().formatHex(read(name + ".s0s1s2.hex")));
  }

  private static void regenerate(Kind kind, String name) throws IOException {
    byte[] c0c1 = ReferenceClient.of(kind, new Random(kind.ordinal())).c0c1();
    byte[] reply = Transcript.of(server(), List.of(c0c1)).sent();
    Files.writeString(SOURCE_DIR.resolve(name + ".c0c1.hex"), hexLines(c0c1));
    Files.writeString(SOURCE_DIR.resolve(name + ".s0s1s2.hex"), hexLines(reply));
    fail(
        "rewrote "
            + name
            + " under "
            + SOURCE_DIR
            + ": review the diff, rerun without -D"
            + REGENERATE);
  }

  private static ServerHandshake server() {
    return new ServerHandshake(new Random(SERVER_SEED), InstantSource.fixed(TIME));
  }

  private static String hexLines(byte[] bytes) {
    StringBuilder lines = new StringBuilder();
    for (int from = 0; from < bytes.length; from += BYTES_PER_LINE) {
      int to = Math.min(bytes.length, from + BYTES_PER_LINE);
      lines.append(HexFormat.of().formatHex(bytes, from, to)).append('\n');
    }
    return lines.toString();
  }

  private static byte[] read(String file) {
    try (InputStream in = GoldenVectorTest.class.getResourceAsStream("testdata/" + file)) {
      assertThat(in).as("testdata/" + file).isNotNull();
      String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
