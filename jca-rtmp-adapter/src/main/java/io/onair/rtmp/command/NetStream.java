package io.onair.rtmp.command;

import io.onair.rtmp.amf.Amf0Decoder;
import io.onair.rtmp.amf.Amf0Encoder;
import io.onair.rtmp.amf.AmfLimits;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.flv.AudioTagParser;
import io.onair.rtmp.flv.MediaTag;
import io.onair.rtmp.flv.VideoTagParser;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One NetStream of a connection: created, deciding its publish, then publishing into the live hub.
 * Media arriving before the decision is dropped: clients wait for Publish.Start before they send
 * any, and one that does not has nothing to publish yet.
 */
final class NetStream {

  /** Messages for a stream that was never created go nowhere. */
  static final NetStream NONE = new NetStream(-1);

  private enum Phase {
    CREATED,
    DECIDING,
    PUBLISHING,
    ENDED
  }

  private final int id;
  private String name;
  private Phase phase = Phase.CREATED;
  private long broadcastId = -1;
  private Publications.Publication publication;

  NetStream(int id) {
    this.id = id;
  }

  int id() {
    return id;
  }

  /** Starts deciding the publish of {@code name} (the stream key); false if one was started. */
  synchronized boolean startDeciding(String name) {
    if (phase != Phase.CREATED || this == NONE) {
      return false;
    }
    this.name = name;
    phase = Phase.DECIDING;
    return true;
  }

  /** Whether this stream's publish was asked for under {@code name}: how FCUnpublish names it. */
  synchronized boolean publishes(String name) {
    return name.equals(this.name);
  }

  synchronized void publishing(long broadcastId, Publications.Publication publication) {
    this.phase = Phase.PUBLISHING;
    this.broadcastId = broadcastId;
    this.publication = publication;
  }

  /** Ends the publish; the broadcast id it had, or -1 if it was not publishing. */
  synchronized long endPublishing() {
    if (phase != Phase.PUBLISHING) {
      phase = Phase.ENDED;
      return -1;
    }
    phase = Phase.ENDED;
    publication.end();
    return broadcastId;
  }

  /** Audio or video: parsed (a broken tag is the publisher's protocol error) and published. */
  void media(RtmpMessage message) {
    Publications.Publication target = current();
    if (target == null || message.payload().length == 0) {
      // Before Publish.Start, after the end, or an empty tag some encoders send at the start.
      return;
    }
    MediaTag tag =
        message.type() == MessageType.VIDEO
            ? VideoTagParser.parse(message.timestamp(), message.payload())
            : AudioTagParser.parse(message.timestamp(), message.payload());
    target.media(message, tag);
  }

  /**
   * @setDataFrame("onMetaData", {...}) from encoders becomes onMetaData({...}): what players are
   *     sent (Adobe's FMS does the same). Other data messages are not kept.
   */
  void data(RtmpMessage message, AmfLimits limits) {
    Publications.Publication target = current();
    if (target == null || message.type() != MessageType.DATA_AMF0) {
      return;
    }
    List<AmfValue> values = new Amf0Decoder(limits).decodeAll(ByteBuffer.wrap(message.payload()));
    if (values.size() >= 3
        && values.get(0).asString().filter("@setDataFrame"::equals).isPresent()
        && values.get(1).asString().filter("onMetaData"::equals).isPresent()) {
      byte[] payload =
          new Amf0Encoder().encodeAll(values.subList(1, values.size()).toArray(AmfValue[]::new));
      target.metadata(
          new RtmpMessage(MessageType.DATA_AMF0, message.timestamp(), message.streamId(), payload));
    }
  }

  private synchronized Publications.Publication current() {
    return phase == Phase.PUBLISHING ? publication : null;
  }
}
