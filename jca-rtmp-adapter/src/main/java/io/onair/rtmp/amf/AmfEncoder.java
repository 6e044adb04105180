package io.onair.rtmp.amf;

import java.util.List;

/**
 * Writes AMF values. A bad value is our bug, not a peer's, so it fails with an ordinary {@link
 * IllegalArgumentException}. Implementations are thread-safe.
 */
public sealed interface AmfEncoder permits Amf0Encoder, Amf3Encoder {

  /** Appends the values of one message, the reference tables reaching across them. */
  void encodeAll(List<? extends AmfValue> values, AmfOutput out);

  /** Appends one value, as a message of its own. */
  default void encode(AmfValue value, AmfOutput out) {
    encodeAll(List.of(value), out);
  }

  /** The bytes of one message made of these values. */
  default byte[] encodeAll(AmfValue... values) {
    AmfOutput out = new AmfOutput();
    encodeAll(List.of(values), out);
    return out.toByteArray();
  }
}
