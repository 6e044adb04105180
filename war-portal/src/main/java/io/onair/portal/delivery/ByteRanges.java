package io.onair.portal.delivery;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a file, or bytes in memory, whole or as the single byte range a player asked for (RFC 9110
 * 14): {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}. Players ask for one range at a
 * time; a request with several gets the whole body, which RFC 9110 allows.
 */
final class ByteRanges {

  /** What is sent: its size, and a way to copy any stretch of it. */
  interface Body {
    long size() throws IOException;

    void copy(long from, long count, WritableByteChannel to) throws IOException;
  }

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  private ByteRanges() {}

  static void send(HttpServletRequest request, HttpServletResponse response, FileChannel file)
      throws IOException {
    send(
        request,
        response,
        new Body() {
          @Override
          public long size() throws IOException {
            return file.size();
          }

          @Override
          public void copy(long from, long count, WritableByteChannel to) throws IOException {
            ByteRanges.copy(file, from, count, to);
          }
        });
  }

  /** Chunks sent back to back as one body, e.g. a live segment as its parts. */
  static void send(HttpServletRequest request, HttpServletResponse response, List<byte[]> chunks)
      throws IOException {
    long total = chunks.stream().mapToLong(c -> c.length).sum();
    send(
        request,
        response,
        new Body() {
          @Override
          public long size() {
            return total;
          }

          @Override
          public void copy(long from, long count, WritableByteChannel to) throws IOException {
            long offset = 0;
            for (byte[] chunk : chunks) {
              long start = Math.max(from, offset);
              long end = Math.min(from + count, offset + chunk.length);
              if (start < end) {
                ByteBuffer stretch =
                    ByteBuffer.wrap(chunk, (int) (start - offset), (int) (end - start));
                while (stretch.hasRemaining()) {
                  to.write(stretch);
                }
              }
              offset += chunk.length;
            }
          }
        });
  }

  private static void send(HttpServletRequest request, HttpServletResponse response, Body body)
      throws IOException {
    long size = body.size();
    response.setHeader("Accept-Ranges", "bytes");
    String range = request.getHeader("Range");
    Matcher single = range == null ? null : SINGLE.matcher(range.trim());
    long first = 0;
    long last = size - 1;
    if (single != null
        && single.matches()
        && !(single.group(1).isEmpty() && single.group(2).isEmpty())) {
      if (single.group(1).isEmpty()) {
        first = Math.max(0, size - Long.parseLong(single.group(2)));
      } else {
        first = Long.parseLong(single.group(1));
        if (!single.group(2).isEmpty()) {
          last = Math.min(last, Long.parseLong(single.group(2)));
        }
      }
      if (first > last || first >= size) {
        response.setHeader("Content-Range", "bytes */" + size);
        response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
        return;
      }
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + size);
    }
    response.setContentLengthLong(last - first + 1);
    try (OutputStream out = response.getOutputStream()) {
      body.copy(first, last - first + 1, Channels.newChannel(out));
    }
  }

  private static void copy(FileChannel file, long from, long count, WritableByteChannel to)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(64 * 1024, Math.max(1, count)));
    long position = from;
    long left = count;
    while (left > 0) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), left));
      int read = file.read(buffer, position);
      if (read < 0) {
        break;
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        to.write(buffer);
      }
      position += read;
      left -= read;
    }
  }
}
