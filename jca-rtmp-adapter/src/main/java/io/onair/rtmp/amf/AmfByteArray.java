package io.onair.rtmp.amf;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An AMF3 ByteArray (AMF3 3.14). It holds its own copy of the bytes and hands out copies, so the
 * value stays immutable. AMF0 cannot carry it, so the AMF0 encoder switches to AMF3 for it.
 */
public record AmfByteArray(byte[] bytes) implements AmfValue {

  public AmfByteArray {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  /** Writes the bytes without the copy {@link #bytes()} makes. */
  void writeTo(AmfOutput out) {
    out.writeBytes(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AmfByteArray that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "AmfByteArray[" + HexFormat.of().formatHex(bytes) + "]";
  }
}
