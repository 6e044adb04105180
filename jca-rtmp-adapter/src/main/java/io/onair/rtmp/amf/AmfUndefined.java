package io.onair.rtmp.amf;

/** AMF0 undefined (AMF0 2.8), AMF3 undefined (AMF3 3.2). */
public record AmfUndefined() implements AmfValue {

  public static final AmfUndefined INSTANCE = new AmfUndefined();
}
