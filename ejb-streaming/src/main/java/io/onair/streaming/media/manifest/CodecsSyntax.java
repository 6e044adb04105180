package io.onair.streaming.media.manifest;

import java.util.regex.Pattern;

/**
 * The codecs strings we accept: one RFC 6381 sample-entry code with dotted parameters. The value is
 * written into a quoted HLS attribute and an XML attribute unescaped, so quotes, commas and spaces
 * are refused here rather than escaped there.
 */
final class CodecsSyntax {

  private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9]{4}(\\.[A-Za-z0-9]+)*");

  private CodecsSyntax() {}

  static void check(String codecs) {
    if (codecs == null || !SYNTAX.matcher(codecs).matches()) {
      throw new IllegalArgumentException("not a single RFC 6381 codec: '" + codecs + "'");
    }
  }
}
