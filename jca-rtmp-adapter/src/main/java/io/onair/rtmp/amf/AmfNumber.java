package io.onair.rtmp.amf;

/** An IEEE-754 double: AMF0 number (AMF0 2.2), AMF3 double (AMF3 3.7). */
public record AmfNumber(double value) implements AmfValue {}
