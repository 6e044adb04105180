package io.onair.portal.delivery;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Sends a playlist or an MPD: UTF-8 text, gzip-compressed for clients that accept it. Manifests are
 * repetitive text (an event playlist of an hour is some 200 KB, a tenth of that compressed) and
 * players reload them every part or segment, so compression pays on every request. Small bodies go
 * as they are: compressing a few hundred bytes gains nothing.
 */
final class ManifestResponse {

  static final String HLS = "application/vnd.apple.mpegurl";
  static final String DASH = "application/dash+xml";

  /** Below this many bytes the body is not worth compressing. */
  private static final int COMPRESS_FROM = 1024;

  private final String contentType;
  private final byte[] plain;
  private volatile byte[] gzipped;

  ManifestResponse(String contentType, String body) {
    this.contentType = contentType;
    this.plain = body.getBytes(StandardCharsets.UTF_8);
  }

  void send(HttpServletRequest request, HttpServletResponse response, String cacheControl)
      throws IOException {
    byte[] bytes = plain;
    response.setContentType(contentType);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", cacheControl);
    response.addHeader("Vary", "Accept-Encoding");
    if (bytes.length >= COMPRESS_FROM && acceptsGzip(request)) {
      bytes = gzipped();
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLength(bytes.length);
    try (OutputStream out = response.getOutputStream()) {
      out.write(bytes);
    }
  }

  /**
   * Whether {@code Accept-Encoding} lists gzip with a non-zero weight (RFC 9110 12.5.3); a bare
   * {@code *} counts too.
   */
  static boolean acceptsGzip(HttpServletRequest request) {
    String accepted = request.getHeader("Accept-Encoding");
    if (accepted == null) {
      return false;
    }
    for (String coding : accepted.split(",")) {
      String[] parts = coding.trim().split(";");
      String name = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
      if (name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) {
        return parts.length == 1 || !parts[1].trim().matches("q=0(\\.0{0,3})?");
      }
    }
    return false;
  }

  /** Two threads may both compress at first; they make the same bytes. */
  private byte[] gzipped() throws IOException {
    byte[] made = gzipped;
    if (made == null) {
      made = gzip(plain);
      gzipped = made;
    }
    return made;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
      out.write(bytes);
    }
    return compressed.toByteArray();
  }
}
