package io.onair.rtmp.amf;

/** AMF0 null (AMF0 2.7), AMF3 null (AMF3 3.3). */
public record AmfNull() implements AmfValue {

  public static final AmfNull INSTANCE = new AmfNull();
}
