package io.onair.rtmp.amf;

/** AMF0 boolean (AMF0 2.3); AMF3 false and true (AMF3 3.4, 3.5). */
public record AmfBoolean(boolean value) implements AmfValue {

  public static final AmfBoolean TRUE = new AmfBoolean(true);
  public static final AmfBoolean FALSE = new AmfBoolean(false);

  public static AmfBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }
}
