package io.onair.rtmp.amf;

import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads AMF values from one complete message payload, as the chunk layer reassembled it. Every
 * fault of the bytes, and every size beyond the {@link AmfLimits}, is a {@link ProtocolException};
 * the payload's position is then unspecified. Thread-safe: all per-message state lives in one call.
 */
public abstract sealed class AmfDecoder permits Amf0Decoder, Amf3Decoder {

  /** One message's reading: its input and its reference tables. */
  interface Message {

    /** The next value; {@code depth} is how many containers enclose it. */
    AmfValue value(int depth);
  }

  final AmfLimits limits;

  AmfDecoder(AmfLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A reading of a message from {@code in}, with empty reference tables. */
  abstract Message message(AmfInput in);

  /**
   * Every value from the payload's position to its limit, as one message whose values share the
   * reference tables; the payload is consumed. Its byte order does not matter and is left as is.
   */
  public final List<AmfValue> decodeAll(ByteBuffer payload) {
    AmfInput in = new AmfInput(payload);
    Message message = message(in);
    List<AmfValue> values = new ArrayList<>();
    while (in.hasRemaining()) {
      values.add(message.value(0));
    }
    in.commit();
    return values;
  }

  /**
   * The value at the payload's position, which moves past it. Its references resolve within this
   * value only: use {@link #decodeAll} for a message.
   */
  public final AmfValue decode(ByteBuffer payload) {
    AmfInput in = new AmfInput(payload);
    AmfValue value = message(in).value(0);
    in.commit();
    return value;
  }
}
