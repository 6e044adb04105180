package io.onair.streaming.infrastructure.ffmpeg;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shared libraries an ELF file says it needs: its {@code DT_NEEDED} entries (System V ABI,
 * "Dynamic Section"), in file order. Only the 64-bit little-endian form, which is all the bundled
 * linux-x86_64 program and libraries are; anything else is refused.
 *
 * <p>Read through the section headers: the {@code SHT_DYNAMIC} section's entries, and its linked
 * string table ({@code .dynstr}) for their names, all by file offset, so no segment mapping is
 * needed. Only headers, the dynamic section and the names are read, not the whole file (the bundled
 * libavcodec is 57 MB). Every offset and count comes from the file, so each is checked before it is
 * used.
 */
final class ElfNeeded {

  private static final int SHT_DYNAMIC = 6;
  private static final long DT_NULL = 0;
  private static final long DT_NEEDED = 1;
  private static final int SECTION_HEADER_SIZE = 64;
  private static final int DYNAMIC_ENTRY_SIZE = 16;

  /** Far above any real file's: libavcodec has 30 sections and 40 dynamic entries. */
  private static final int MAX_SECTIONS = 4096;

  private static final int MAX_DYNAMIC_ENTRIES = 4096;
  private static final int MAX_NAME = 255;

  /**
   * A file name, never a path: a name becomes a class path resource and a file in one directory.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  private ElfNeeded() {}

  /**
   * The libraries {@code file} needs, by soname.
   *
   * @throws IOException if it cannot be read or is not a 64-bit little-endian ELF file with a
   *     well-formed dynamic section
   */
  static List<String> of(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(channel, file);
    }
  }

  private static List<String> read(FileChannel channel, Path file) throws IOException {
    if (channel.size() < 4 || readAt(channel, 0, 4).getInt(0) != 0x464c457f) { // "\x7fELF"
      throw new IOException(file + " is not an ELF file");
    }
    ByteBuffer header = readAt(channel, 0, 64);
    if (header.get(4) != 2 || header.get(5) != 1) {
      throw new IOException(file + " is not a 64-bit little-endian ELF file");
    }
    long sectionHeaders = header.getLong(0x28);
    int entrySize = Short.toUnsignedInt(header.getShort(0x3a));
    int count = Short.toUnsignedInt(header.getShort(0x3c));
    if (entrySize != SECTION_HEADER_SIZE || count == 0 || count > MAX_SECTIONS) {
      throw new IOException(
          file + ": unexpected section headers (" + count + " of " + entrySize + " bytes)");
    }
    ByteBuffer sections = readAt(channel, sectionHeaders, count * SECTION_HEADER_SIZE);
    for (int i = 0; i < count; i++) {
      int at = i * SECTION_HEADER_SIZE;
      if (sections.getInt(at + 4) == SHT_DYNAMIC) {
        int link = sections.getInt(at + 40);
        if (link <= 0 || link >= count) {
          throw new IOException(file + ": the dynamic section links to no string table");
        }
        return needed(
            channel,
            file,
            sections.getLong(at + 24),
            sections.getLong(at + 32),
            sections.getLong(link * SECTION_HEADER_SIZE + 24),
            sections.getLong(link * SECTION_HEADER_SIZE + 32));
      }
    }
    throw new IOException(file + " has no dynamic section: not a dynamically linked program");
  }

  private static List<String> needed(
      FileChannel channel,
      Path file,
      long dynamicOffset,
      long dynamicSize,
      long stringsOffset,
      long stringsSize)
      throws IOException {
    long entries = dynamicSize / DYNAMIC_ENTRY_SIZE;
    if (dynamicSize < 0 || entries > MAX_DYNAMIC_ENTRIES) {
      throw new IOException(file + ": dynamic section of " + dynamicSize + " bytes");
    }
    ByteBuffer dynamic = readAt(channel, dynamicOffset, (int) entries * DYNAMIC_ENTRY_SIZE);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      long tag = dynamic.getLong(i * DYNAMIC_ENTRY_SIZE);
      if (tag == DT_NULL) {
        break;
      }
      if (tag == DT_NEEDED) {
        long at = dynamic.getLong(i * DYNAMIC_ENTRY_SIZE + 8);
        if (at < 0 || at >= stringsSize) {
          throw new IOException(file + ": a needed library's name lies outside .dynstr");
        }
        names.add(name(channel, file, stringsOffset + at, stringsSize - at));
      }
    }
    return names;
  }

  private static String name(FileChannel channel, Path file, long offset, long left)
      throws IOException {
    int length = (int) Math.min(left, MAX_NAME + 1);
    ByteBuffer bytes = readAt(channel, offset, length);
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < length; i++) {
      byte b = bytes.get(i);
      if (b == 0) {
        if (!NAME.matcher(name).matches()) {
          throw new IOException(file + ": needs a library named '" + name + "'");
        }
        return name.toString();
      }
      name.append((char) (b & 0xff));
    }
    throw new IOException(file + ": a needed library's name is not terminated");
  }

  private static ByteBuffer readAt(FileChannel channel, long offset, int length)
      throws IOException {
    if (offset < 0 || offset > channel.size() - length) {
      throw new EOFException(length + " bytes at " + offset + " are past the end of the file");
    }
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, offset + buffer.position()) < 0) {
        throw new EOFException("file ended at " + (offset + buffer.position()));
      }
    }
    return buffer;
  }
}
