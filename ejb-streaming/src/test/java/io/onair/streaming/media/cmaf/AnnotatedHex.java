package io.onair.streaming.media.cmaf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Bytes written the way the specs draw them: hex digits (spaces anywhere between pairs), 'quoted'
 * text as UTF-8, and # comments to the end of the line.
 */
final class AnnotatedHex {

  private AnnotatedHex() {}

  static byte[] parse(String annotated) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder digits = new StringBuilder();
    int i = 0;
    while (i < annotated.length()) {
      char c = annotated.charAt(i);
      if (c == '#') {
        int end = annotated.indexOf('\n', i);
        i = end < 0 ? annotated.length() : end;
      } else if (c == '\'') {
        int end = annotated.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed quote at " + i);
        }
        flush(digits, bytes);
        bytes.writeBytes(annotated.substring(i + 1, end).getBytes(StandardCharsets.UTF_8));
        i = end + 1;
      } else {
        if (Character.digit(c, 16) >= 0) {
          digits.append(c);
        } else if (!Character.isWhitespace(c)) {
          throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
        }
        i++;
      }
    }
    flush(digits, bytes);
    return bytes.toByteArray();
  }

  private static void flush(StringBuilder digits, ByteArrayOutputStream bytes) {
    bytes.writeBytes(HexFormat.of().parseHex(digits));
    digits.setLength(0);
  }
}
