package io.onair.rtmp.chunk;

import java.util.HexFormat;

/** Annotated hex for test vectors: whitespace and {@code |} separators and {@code #} comments. */
final class Hex {

  private Hex() {}

  static byte[] bytes(String annotated) {
    StringBuilder hex = new StringBuilder();
    for (String line : annotated.split("\n")) {
      int comment = line.indexOf('#');
      hex.append((comment >= 0 ? line.substring(0, comment) : line).replaceAll("[\\s|]", ""));
    }
    return HexFormat.of().parseHex(hex.toString());
  }

  static byte[] filled(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (seed + i);
    }
    return bytes;
  }
}
