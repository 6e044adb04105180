package io.onair.rtmp.amf;

import java.util.Objects;

/**
 * A UTF-8 string: AMF0 string or long string (AMF0 2.4, 2.14; the encoder picks by length), AMF3
 * string (AMF3 3.8).
 */
public record AmfString(String value) implements AmfValue {

  public static final AmfString EMPTY = new AmfString("");

  public AmfString {
    Objects.requireNonNull(value, "value");
  }
}
