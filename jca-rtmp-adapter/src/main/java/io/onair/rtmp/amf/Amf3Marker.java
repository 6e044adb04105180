package io.onair.rtmp.amf;

import io.onair.rtmp.protocol.ProtocolException;

/** The AMF3 type markers (AMF3 3.1), each with the section that defines it. */
enum Amf3Marker {
  UNDEFINED(0x00, "undefined"), // 3.2
  NULL(0x01, "null"), // 3.3
  FALSE(0x02, "false"), // 3.4
  TRUE(0x03, "true"), // 3.5
  INTEGER(0x04, "integer"), // 3.6
  DOUBLE(0x05, "double"), // 3.7
  STRING(0x06, "string"), // 3.8
  XML_DOC(0x07, "xml-doc"), // 3.9
  DATE(0x08, "date"), // 3.10
  ARRAY(0x09, "array"), // 3.11
  OBJECT(0x0A, "object"), // 3.12
  XML(0x0B, "xml"), // 3.13
  BYTE_ARRAY(0x0C, "byte-array"), // 3.14
  VECTOR_INT(0x0D, "vector-int"), // 3.15
  VECTOR_UINT(0x0E, "vector-uint"), // 3.15
  VECTOR_DOUBLE(0x0F, "vector-double"), // 3.15
  VECTOR_OBJECT(0x10, "vector-object"), // 3.15
  DICTIONARY(0x11, "dictionary"); // 3.16

  private static final Amf3Marker[] BY_CODE = new Amf3Marker[DICTIONARY.code + 1];

  static {
    for (Amf3Marker marker : values()) {
      BY_CODE[marker.code] = marker;
    }
  }

  final int code;
  final String specName;

  Amf3Marker(int code, String specName) {
    this.code = code;
    this.specName = specName;
  }

  /** The marker with this code, a byte from the wire. */
  static Amf3Marker of(int code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new ProtocolException("AMF3 marker", Amf0Marker.hex(code), "unknown");
    }
    return BY_CODE[code];
  }
}
