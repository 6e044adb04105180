package io.onair.rtmp.amf;

/**
 * A date as milliseconds since the epoch, UTC (AMF0 2.13, AMF3 3.10). The AMF0 time-zone field is
 * reserved: it is ignored when read and written as 0.
 */
public record AmfDate(double epochMillis) implements AmfValue {}
