package io.onair.rtmp.command;

import io.onair.rtmp.amf.Amf0Decoder;
import io.onair.rtmp.amf.Amf0Encoder;
import io.onair.rtmp.amf.AmfLimits;
import io.onair.rtmp.amf.AmfNull;
import io.onair.rtmp.amf.AmfNumber;
import io.onair.rtmp.amf.AmfString;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command message (RTMP 1.0 7.1.1): its name, transaction id, command object and arguments, on
 * the message stream it was sent on. Type 20 is AMF0; type 17 has a leading format byte and then
 * the same AMF0 values, each of which may switch to AMF3.
 *
 * @param streamId the message stream: 0 for NetConnection calls, a created stream's id for
 *     NetStream calls
 */
public record Command(
    String name, double transactionId, AmfValue object, List<AmfValue> arguments, int streamId) {

  public Command {
    arguments = List.copyOf(arguments);
  }

  /** Reads a command message, type 20 or 17. */
  public static Command decode(RtmpMessage message, AmfLimits limits) {
    ByteBuffer payload = ByteBuffer.wrap(message.payload());
    if (message.type() == MessageType.COMMAND_AMF3 && payload.hasRemaining()) {
      payload.get(); // the format selector; the values that follow are AMF0 (7.1.1)
    }
    List<AmfValue> values = new Amf0Decoder(limits).decodeAll(payload);
    String name = values.isEmpty() ? null : values.get(0).asString().orElse(null);
    if (name == null) {
      throw new ProtocolException(
          "command name", values.isEmpty() ? "none" : values.get(0), "must be a string");
    }
    // Some encoders leave the transaction id out of notifications such as onStatus.
    double transactionId = values.size() > 1 ? values.get(1).asNumber().orElse(0) : 0;
    AmfValue object = values.size() > 2 ? values.get(2) : AmfNull.INSTANCE;
    List<AmfValue> arguments = values.size() > 3 ? values.subList(3, values.size()) : List.of();
    return new Command(name, transactionId, object, arguments, message.streamId());
  }

  /** The argument at {@code index} as a string, if there is one and it is a string. */
  public Optional<String> stringArgument(int index) {
    return index < arguments.size() ? arguments.get(index).asString() : Optional.empty();
  }

  /** This command as an AMF0 command message (type 20). */
  public RtmpMessage encode() {
    List<AmfValue> values = new ArrayList<>(3 + arguments.size());
    values.add(new AmfString(name));
    values.add(new AmfNumber(transactionId));
    values.add(object);
    values.addAll(arguments);
    byte[] payload = new Amf0Encoder().encodeAll(values.toArray(AmfValue[]::new));
    return new RtmpMessage(MessageType.COMMAND_AMF0, 0, streamId, payload);
  }
}
