package io.onair.rtmp.outbound;

import io.onair.rtmp.amf.Amf0Decoder;
import io.onair.rtmp.amf.AmfLimits;
import io.onair.rtmp.amf.AmfMembers;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The latest {@code onMetaData} of a feed as plain Java values. The hub carries it as the publisher
 * sent it, with or without the {@code @setDataFrame} that encoders put first (AMF0, or AMF3 data
 * messages whose values are AMF0 after a format byte). Anything else is ignored, and so is metadata
 * that does not decode: it is only a declaration, and a packager must not lose frames over it.
 */
final class StreamMetadata {

  private static final Logger LOG = Logger.getLogger(StreamMetadata.class.getName());

  private final Amf0Decoder decoder = new Amf0Decoder(AmfLimits.defaults());
  private volatile Map<String, Object> properties = Map.of();

  void read(RtmpMessage message) {
    ByteBuffer payload = ByteBuffer.wrap(message.payload());
    if (message.type() == MessageType.DATA_AMF3) {
      if (!payload.hasRemaining() || payload.get() != 0) {
        return;
      }
    }
    List<AmfValue> values;
    try {
      values = decoder.decodeAll(payload);
    } catch (ProtocolException e) {
      LOG.fine(() -> "Unreadable data message on a live feed ignored: " + e.getMessage());
      return;
    }
    int at = isString(values, 0, "@setDataFrame") ? 1 : 0;
    if (isString(values, at, "onMetaData")
        && values.size() > at + 1
        && values.get(at + 1) instanceof AmfMembers members) {
      properties = plain(members);
    }
  }

  /** Unmodifiable, in the order the encoder wrote them. */
  Map<String, Object> properties() {
    return properties;
  }

  private static boolean isString(List<AmfValue> values, int index, String text) {
    return values.size() > index && values.get(index).asString().filter(text::equals).isPresent();
  }

  private static Map<String, Object> plain(AmfMembers members) {
    Map<String, Object> plain = new LinkedHashMap<>();
    members
        .properties()
        .forEach(
            (name, value) -> {
              if (value.asNumber().isPresent()) {
                plain.put(name, value.asNumber().getAsDouble());
              } else if (value.asString().isPresent()) {
                plain.put(name, value.asString().get());
              } else if (value.asBoolean().isPresent()) {
                plain.put(name, value.asBoolean().get());
              }
            });
    return Collections.unmodifiableMap(plain);
  }
}
