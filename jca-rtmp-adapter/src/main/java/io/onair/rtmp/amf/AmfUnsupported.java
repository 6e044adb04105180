package io.onair.rtmp.amf;

/**
 * AMF0 unsupported (AMF0 2.15): a type the sender could not serialize. Kept apart from undefined so
 * it encodes back as sent; AMF3 has no such marker and writes undefined.
 */
public record AmfUnsupported() implements AmfValue {

  public static final AmfUnsupported INSTANCE = new AmfUnsupported();
}
