package io.onair.streaming.infrastructure.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DT_NEEDED} of the bundled program and libraries (the lists {@code readelf -d} gives for
 * org.bytedeco:ffmpeg 8.0.1-1.5.13), of hand-made minimal ELF files, and refusals.
 */
class ElfNeededTest {

  @TempDir Path temp;

  private Path bundled(String name) throws IOException {
    Path file = temp.resolve(name);
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(BundledFfmpeg.RESOURCES + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void theBundledProgramNeedsTheLibavLibrariesAndGlibc() throws IOException {
    assertThat(ElfNeeded.of(bundled("ffmpeg")))
        .containsExactly(
            "libavdevice.so.62",
            "libavfilter.so.11",
            "libavformat.so.62",
            "libavcodec.so.62",
            "libswresample.so.6",
            "libswscale.so.9",
            "libavutil.so.60",
            "libm.so.6",
            "libc.so.6");
  }

  @Test
  void libavutilNeedsLibvaAndLibdrmWhichTheProgramDoesNotNameItself() throws IOException {
    assertThat(ElfNeeded.of(bundled("libavutil.so.60")))
        .containsExactly(
            "libva-drm.so.2",
            "libva.so.2",
            "libm.so.6",
            "libdrm.so.2",
            "libstdc++.so.6",
            "libgcc_s.so.1",
            "libc.so.6");
  }

  @Test
  void aMinimalFileWithTwoNeededEntries() throws IOException {
    Path file = write(elf("libone.so.1", "libtwo.so.2"));

    assertThat(ElfNeeded.of(file)).containsExactly("libone.so.1", "libtwo.so.2");
  }

  @Test
  void aFileNeedingNothing() throws IOException {
    assertThat(ElfNeeded.of(write(elf()))).isEmpty();
  }

  @Test
  void aNameThatIsAPathIsRefused() throws IOException {
    Path file = write(elf("../../bin/evil.so"));

    assertThatThrownBy(() -> ElfNeeded.of(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'../../bin/evil.so'");
  }

  @Test
  void aShellScriptIsNotAnElfFile() throws IOException {
    Path script = FakeFfmpeg.printing(temp, "ffmpeg version 7.1");

    assertThatThrownBy(() -> ElfNeeded.of(script))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not an ELF file");
  }

  @Test
  void a32BitFileIsRefused() throws IOException {
    byte[] bytes = elf("libone.so.1");
    bytes[4] = 1; // ELFCLASS32

    assertThatThrownBy(() -> ElfNeeded.of(write(bytes)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a 64-bit little-endian");
  }

  @Test
  void aTruncatedProgramIsRefused() throws IOException {
    byte[] program = Files.readAllBytes(bundled("ffmpeg"));
    Path truncated = write(Arrays.copyOf(program, program.length / 2));

    assertThatThrownBy(() -> ElfNeeded.of(truncated))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("past the end of the file");
  }

  @Test
  void aNameOffsetOutsideTheStringTableIsRefused() throws IOException {
    byte[] bytes = elf("libone.so.1");
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(DYNAMIC + 8, 1_000_000);

    assertThatThrownBy(() -> ElfNeeded.of(write(bytes)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside .dynstr");
  }

  private Path write(byte[] bytes) throws IOException {
    return Files.write(Files.createTempFile(temp, "elf", ""), bytes);
  }

  private static final int SECTIONS = 64;
  private static final int DYNAMIC = SECTIONS + 3 * 64;

  /**
   * A 64-bit little-endian ELF file with only what {@link ElfNeeded} reads: the header, three
   * section headers (null, {@code .dynamic}, {@code .dynstr}), the dynamic entries and the names.
   */
  private static byte[] elf(String... needed) {
    int entries = needed.length + 1;
    int strings = DYNAMIC + entries * 16;
    byte[] names = ("\0" + String.join("\0", needed) + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(strings + names.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
    b.putShort(0x10, (short) 3); // ET_DYN
    b.putShort(0x12, (short) 62); // EM_X86_64
    b.putLong(0x28, SECTIONS);
    b.putShort(0x34, (short) 64);
    b.putShort(0x3a, (short) 64);
    b.putShort(0x3c, (short) 3);
    section(b, 1, 6, DYNAMIC, entries * 16, 2); // SHT_DYNAMIC, linked to section 2
    section(b, 2, 3, strings, names.length, 0); // SHT_STRTAB
    int name = 1;
    for (int i = 0; i < needed.length; i++) {
      b.putLong(DYNAMIC + i * 16, 1); // DT_NEEDED
      b.putLong(DYNAMIC + i * 16 + 8, name);
      name += needed[i].length() + 1;
    }
    b.position(strings);
    b.put(names);
    return b.array();
  }

  private static void section(ByteBuffer b, int index, int type, long offset, long size, int link) {
    int at = SECTIONS + index * 64;
    b.putInt(at + 4, type);
    b.putLong(at + 24, offset);
    b.putLong(at + 32, size);
    b.putInt(at + 40, link);
  }
}
