package io.onair.rtmp.command;

import io.onair.rtmp.amf.Amf0Encoder;
import io.onair.rtmp.amf.AmfBoolean;
import io.onair.rtmp.amf.AmfNull;
import io.onair.rtmp.amf.AmfNumber;
import io.onair.rtmp.amf.AmfProperties;
import io.onair.rtmp.amf.AmfString;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import java.util.List;

/** The replies a server sends (RTMP 1.0 7.2): _result, _error and onStatus. */
public final class Replies {

  /** What we tell clients we are; FMS 3.5 is what encoders are tested against. */
  static final String SERVER_VERSION = "FMS/3,5,7,7009";

  private Replies() {}

  /**
   * The answer to connect: server properties and NetConnection.Connect.Success.
   *
   * @param enhanced whether the client announced Enhanced RTMP, and is told what this server takes
   */
  public static RtmpMessage connected(
      double transactionId, double objectEncoding, boolean enhanced) {
    AmfProperties server =
        new AmfProperties().put("fmsVer", SERVER_VERSION).put("capabilities", 31).put("mode", 1);
    AmfValue properties = (enhanced ? EnhancedCapabilities.addTo(server) : server).toObject();
    AmfValue information =
        new AmfProperties()
            .put("level", Status.CONNECT_SUCCESS.level())
            .put("code", Status.CONNECT_SUCCESS.code())
            .put("description", "Connection succeeded.")
            .put("objectEncoding", objectEncoding)
            .toObject();
    return new Command("_result", transactionId, properties, List.of(information), 0).encode();
  }

  /** The data message Flash players need before they let a page read the stream's samples. */
  public static RtmpMessage sampleAccess(int streamId) {
    return new RtmpMessage(
        MessageType.DATA_AMF0,
        0,
        streamId,
        new Amf0Encoder()
            .encodeAll(new AmfString("|RtmpSampleAccess"), AmfBoolean.TRUE, AmfBoolean.TRUE));
  }

  /** _result with a command object of null and the given values. */
  public static RtmpMessage result(double transactionId, AmfValue... values) {
    return new Command("_result", transactionId, AmfNull.INSTANCE, List.of(values), 0).encode();
  }

  /** _error with an information object. */
  public static RtmpMessage error(double transactionId, Status status, String description) {
    return new Command(
            "_error", transactionId, AmfNull.INSTANCE, List.of(information(status, description)), 0)
        .encode();
  }

  /** onStatus on a NetStream. */
  public static RtmpMessage onStatus(int streamId, Status status, String description) {
    return new Command(
            "onStatus", 0, AmfNull.INSTANCE, List.of(information(status, description)), streamId)
        .encode();
  }

  /** The _result of createStream: the new stream's id. */
  public static RtmpMessage streamCreated(double transactionId, int streamId) {
    return result(transactionId, new AmfNumber(streamId));
  }

  private static AmfValue information(Status status, String description) {
    return new AmfProperties()
        .put("level", status.level())
        .put("code", status.code())
        .put("description", description)
        .toObject();
  }
}
