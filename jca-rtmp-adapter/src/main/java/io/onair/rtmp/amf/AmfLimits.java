package io.onair.rtmp.amf;

import io.onair.rtmp.protocol.ProtocolException;

/**
 * What a peer may make a decoder do, checked before anything is allocated.
 *
 * @param maxDepth deepest nesting of objects and arrays, a top-level object being at depth 1; at
 *     most {@value #DEPTH_CEILING}, as the decoders recurse once per level and must never overflow
 *     the stack
 * @param maxStringLength longest string, XML text or byte array, in bytes
 * @param maxElements most members of one object or array, and most entries of one reference table
 *     (AMF0 objects; AMF3 strings, objects, traits) in one message
 */
public record AmfLimits(int maxDepth, int maxStringLength, int maxElements) {

  /** The deepest nesting allowed at all: a few stack frames a level fit any thread's stack. */
  public static final int DEPTH_CEILING = 1024;

  public AmfLimits {
    positive("maxDepth", maxDepth);
    if (maxDepth > DEPTH_CEILING) {
      throw new IllegalArgumentException(
          "maxDepth must be at most " + DEPTH_CEILING + ", was " + maxDepth);
    }
    positive("maxStringLength", maxStringLength);
    positive("maxElements", maxElements);
  }

  /** The adapter's defaults: depth 32, strings of 64 KiB - 1, 4096 elements. */
  public static AmfLimits defaults() {
    return new AmfLimits(32, 65_535, 4_096);
  }

  /** The depth of a container opened inside one at {@code depth}. */
  int deeper(String format, int depth) {
    int inner = depth + 1;
    if (inner > maxDepth) {
      throw new ProtocolException(
          format + " nesting depth", inner, "exceeds the limit of " + maxDepth);
    }
    return inner;
  }

  /** Checks that one more element or table entry, making {@code count}, is allowed. */
  void element(String field, int count) {
    if (count > maxElements) {
      throw new ProtocolException(field, count, "exceeds the limit of " + maxElements);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
