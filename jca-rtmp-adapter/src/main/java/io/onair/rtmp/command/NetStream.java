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
import java.util.Optional;

/**
 * One NetStream of a connection: created, deciding a publish or a play, then publishing into the
 * live hub or playing from it. Media arriving before a publish decision is dropped: clients wait
 * for Publish.Start before they send any, and one that does not has nothing to publish yet.
 */
final class NetStream {

  /** Messages for a stream that was never created go nowhere. */
  static final NetStream NONE = new NetStream(-1);

  private enum Phase {
    CREATED,
    DECIDING,
    PUBLISHING,
    PLAYING,
    ENDED
  }

  private final int id;
  private String name;
  private Phase phase = Phase.CREATED;
  private long broadcastId = -1;
  private Publications.Publication publication;
  private Playback playback;

  NetStream(int id) {
    this.id = id;
  }

  int id() {
    return id;
  }

  /**
   * Starts deciding the publish of {@code name} (the stream key), or a play when {@code name} is
   * null; false if a decision was started before.
   */
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

  /** Plays; false when the stream ended while the play was being decided. */
  synchronized boolean playing(Playback playback) {
    if (phase != Phase.DECIDING) {
      return false;
    }
    this.phase = Phase.PLAYING;
    this.playback = playback;
    return true;
  }

  synchronized Optional<Playback> playback() {
    return phase == Phase.PLAYING ? Optional.of(playback) : Optional.empty();
  }

  /**
   * Ends the stream: a publish ends, a playback stops. Returns the broadcast id a publish had, or
   * -1 if the stream was not publishing.
   */
  long end() {
    Phase was;
    synchronized (this) {
      was = phase;
      phase = Phase.ENDED;
    }
    // Outside this stream's lock: both calls take the hub's locks.
    if (was == Phase.PLAYING) {
      playback.stop();
    }
    if (was != Phase.PUBLISHING) {
      return -1;
    }
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
