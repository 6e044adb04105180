package io.onair.rtmp.amf;

import io.onair.rtmp.protocol.ProtocolException;

/** The AMF0 type markers (AMF0 2.1), each with the section that defines it. */
enum Amf0Marker {
  NUMBER(0x00, "number"), // 2.2
  BOOLEAN(0x01, "boolean"), // 2.3
  STRING(0x02, "string"), // 2.4
  OBJECT(0x03, "object"), // 2.5
  MOVIECLIP(0x04, "movieclip"), // 2.6, reserved
  NULL(0x05, "null"), // 2.7
  UNDEFINED(0x06, "undefined"), // 2.8
  REFERENCE(0x07, "reference"), // 2.9
  ECMA_ARRAY(0x08, "ecma-array"), // 2.10
  OBJECT_END(0x09, "object-end"), // 2.11
  STRICT_ARRAY(0x0A, "strict-array"), // 2.12
  DATE(0x0B, "date"), // 2.13
  LONG_STRING(0x0C, "long-string"), // 2.14
  UNSUPPORTED(0x0D, "unsupported"), // 2.15
  RECORDSET(0x0E, "recordset"), // 2.16, reserved
  XML_DOCUMENT(0x0F, "xml-document"), // 2.17
  TYPED_OBJECT(0x10, "typed-object"), // 2.18
  AVMPLUS_OBJECT(0x11, "avmplus-object"); // 3.1, switch to AMF3

  private static final Amf0Marker[] BY_CODE = new Amf0Marker[AVMPLUS_OBJECT.code + 1];

  static {
    for (Amf0Marker marker : values()) {
      BY_CODE[marker.code] = marker;
    }
  }

  final int code;
  final String specName;

  Amf0Marker(int code, String specName) {
    this.code = code;
    this.specName = specName;
  }

  /** The marker with this code, a byte from the wire. */
  static Amf0Marker of(int code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new ProtocolException("AMF0 marker", hex(code), "unknown");
    }
    return BY_CODE[code];
  }

  static String hex(int code) {
    return String.format("0x%02X", code);
  }
}
