package io.onair.rtmp.command;

import io.onair.rtmp.amf.AmfLimits;
import io.onair.rtmp.amf.AmfMembers;
import io.onair.rtmp.amf.AmfNull;
import io.onair.rtmp.amf.AmfNumber;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.api.PublishDecision;
import io.onair.rtmp.api.PublishEnded;
import io.onair.rtmp.api.PublishRequest;
import io.onair.rtmp.api.RefusalReason;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.message.UserControl;
import io.onair.rtmp.protocol.ProtocolException;
import io.onair.rtmp.session.MessageHandler;
import io.onair.rtmp.session.RtmpSession;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One client's NetConnection (RTMP 1.0 7.2.1) and its NetStreams (7.2.2): connect, createStream,
 * publish with a stream key decided by the {@link PublishGate}, media into the live hub, and the
 * end of a publish however it happens; or play of a channel with a viewer token decided by the
 * {@link PlayGate}, from the live hub. The sequence OBS, ffmpeg and GStreamer send to publish is
 * connect, releaseStream, FCPublish, createStream, publish, @setDataFrame, media, FCUnpublish and
 * deleteStream; players send connect, createStream, play (and maybe receiveAudio, receiveVideo);
 * each gets the reply those clients wait for.
 *
 * <p>Messages arrive on the connection's reading thread; decisions complete on a WorkManager
 * thread; hence the lock on this object around the streams' state.
 */
public final class NetConnection implements MessageHandler {

  private static final Logger LOG = Logger.getLogger(NetConnection.class.getName());
  static final int COMMAND_CHUNK_STREAM = 3;
  static final int STATUS_CHUNK_STREAM = 5;

  /**
   * What every connection of an adapter shares.
   *
   * @param publishGate decides publishes
   * @param playGate decides plays
   * @param publications where accepted publishes put their media
   * @param hub where plays take it from
   * @param publishers the live publishers, for takeovers and disconnects
   */
  public record Services(
      PublishGate publishGate,
      PlayGate playGate,
      Publications publications,
      LiveHub hub,
      LivePublishers publishers) {}

  private final Services services;
  private final Plays plays;
  private final AmfLimits limits;
  private final Clock clock;
  private final Map<Integer, NetStream> streams = new HashMap<>();
  private String application;
  private Optional<String> connectToken = Optional.empty();
  private int nextStreamId = 1;

  public NetConnection(Services services, AmfLimits limits, Clock clock) {
    this.services = services;
    this.plays = new Plays(services.playGate(), services.hub());
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public void onMessage(RtmpSession session, RtmpMessage message) {
    switch (message.type()) {
      case COMMAND_AMF0, COMMAND_AMF3 -> command(session, Command.decode(message, limits));
      case DATA_AMF0, DATA_AMF3 -> stream(message.streamId()).data(message, limits);
      case AUDIO, VIDEO -> stream(message.streamId()).media(message);
      default -> {
        // Shared objects and aggregates are not part of publishing from encoders.
      }
    }
  }

  private synchronized NetStream stream(int streamId) {
    NetStream stream = streams.get(streamId);
    return stream != null ? stream : NetStream.NONE;
  }

  private void command(RtmpSession session, Command command) {
    if (application == null && !command.name().equals("connect")) {
      throw new ProtocolException("command", command.name(), "sent before connect");
    }
    switch (command.name()) {
      case "connect" -> connect(session, command);
      case "createStream" -> createStream(session, command);
      case "publish" -> publish(session, command);
      case "play" -> play(session, command);
      case "receiveAudio" ->
          stream(command.streamId()).playback().ifPresent(p -> p.receiveAudio(flag(command)));
      case "receiveVideo" ->
          stream(command.streamId()).playback().ifPresent(p -> p.receiveVideo(flag(command)));
      case "FCUnpublish", "deleteStream", "closeStream" -> endStream(session, command);
      case "releaseStream", "FCPublish" -> answer(session, command, AmfNull.INSTANCE);
      case "getStreamLength" -> answer(session, command, new AmfNumber(0));
      case "_result", "_error", "onStatus", "_checkbw", "onBWDone" -> {
        // Answers and courtesies from the client; nothing to do.
      }
      default -> {
        if (command.transactionId() > 0) {
          reply(
              session,
              Replies.error(
                  command.transactionId(),
                  Status.CALL_FAILED,
                  "unknown command " + command.name()));
        }
      }
    }
  }

  private void connect(RtmpSession session, Command command) {
    if (application != null) {
      throw new ProtocolException("command", "connect", "sent twice on one connection");
    }
    AmfMembers properties =
        command
            .object()
            .as(AmfMembers.class)
            .orElseThrow(
                () ->
                    new ProtocolException(
                        "connect command object", command.object(), "must be an object"));
    String app = properties.string("app").orElse("");
    application = applicationName(app);
    connectToken =
        PlayName.token(app).or(() -> PlayName.token(properties.string("tcUrl").orElse("")));
    double encoding = properties.number("objectEncoding").orElse(0);
    reply(
        session,
        Replies.connected(
            command.transactionId(), encoding, EnhancedCapabilities.requested(properties)));
  }

  /** The app of rtmp://host/live/ or rtmp://host/live?x: "live". */
  static String applicationName(String app) {
    String name = app;
    int query = name.indexOf('?');
    if (query >= 0) {
      name = name.substring(0, query);
    }
    while (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    return name;
  }

  private void createStream(RtmpSession session, Command command) {
    int id;
    synchronized (this) {
      if (streams.size() >= 8) {
        throw new ProtocolException(
            "createStream", streams.size(), "more than 8 streams on one connection");
      }
      id = nextStreamId++;
      streams.put(id, new NetStream(id));
    }
    reply(session, Replies.streamCreated(command.transactionId(), id));
  }

  private void publish(RtmpSession session, Command command) {
    NetStream stream = stream(command.streamId());
    if (stream == NetStream.NONE) {
      throw new ProtocolException("publish stream id", command.streamId(), "was not created");
    }
    String key = command.stringArgument(0).map(NetConnection::withoutQuery).orElse("");
    if (key.isEmpty() || !stream.startDeciding(key)) {
      refuse(session, stream.id(), "a stream key is required, once per stream");
      return;
    }
    PublishRequest request =
        new PublishRequest(session.id(), session.remoteAddress(), application, key);
    services
        .publishGate()
        .decide(request)
        .whenComplete((decision, failure) -> decided(session, stream, decision));
  }

  private static String withoutQuery(String name) {
    int query = name.indexOf('?');
    return query >= 0 ? name.substring(0, query) : name;
  }

  private void play(RtmpSession session, Command command) {
    NetStream stream = stream(command.streamId());
    if (stream == NetStream.NONE) {
      throw new ProtocolException("play stream id", command.streamId(), "was not created");
    }
    plays.play(session, stream, application, connectToken, command);
  }

  private static boolean flag(Command command) {
    return command.arguments().isEmpty()
        || command.arguments().get(0).asBoolean().orElse(Boolean.TRUE);
  }

  /** On a WorkManager thread, or on ours if the gate answered at once. */
  private void decided(RtmpSession session, NetStream stream, PublishDecision decision) {
    if (decision instanceof PublishDecision.Accepted accepted) {
      RtmpSession stale;
      synchronized (this) {
        if (session.isClosed()) {
          services
              .publishGate()
              .ended(
                  application,
                  new PublishEnded(session.id(), accepted.broadcastId(), clock.instant()));
          return;
        }
        stream.publishing(accepted.broadcastId(), services.publications().open(accepted.channel()));
        stale = services.publishers().started(accepted.broadcastId(), session);
      }
      if (stale != null) {
        // An encoder reconnecting while its old connection lingers: the broadcast goes on here.
        LOG.info(
            () -> session + " takes broadcast " + accepted.broadcastId() + " over from " + stale);
        stale.close();
      }
      session.send(UserControl.of(UserControl.Event.STREAM_BEGIN, stream.id()).toMessage(), 2);
      session.send(
          Replies.onStatus(stream.id(), Status.PUBLISH_START, accepted.channel() + " is now live."),
          STATUS_CHUNK_STREAM);
      LOG.info(
          () ->
              session
                  + " publishes "
                  + accepted.channel()
                  + ", broadcast "
                  + accepted.broadcastId());
      return;
    }
    RefusalReason reason =
        decision instanceof PublishDecision.Refused refused
            ? refused.reason()
            : RefusalReason.UNAVAILABLE;
    LOG.info(() -> session + " may not publish: " + reason);
    refuse(session, stream.id(), describe(reason));
  }

  /** Sends the error status, then closes once it has been written: what clients report. */
  private void refuse(RtmpSession session, int streamId, String description) {
    session.send(
        Replies.onStatus(streamId, Status.PUBLISH_BAD_NAME, description), STATUS_CHUNK_STREAM);
    session.close();
  }

  static String describe(RefusalReason reason) {
    return switch (reason) {
      case UNKNOWN_KEY, REVOKED_KEY -> "stream key not accepted";
      case CHANNEL_DISABLED -> "channel disabled";
      case ALREADY_LIVE -> "channel is already live";
      case LOCKED_OUT -> "too many failed attempts, try again later";
      case UNAVAILABLE -> "publishing is not available right now";
    };
  }

  private void endStream(RtmpSession session, Command command) {
    NetStream stream;
    synchronized (this) {
      stream = stopped(command);
      if (stream != null && command.name().equals("deleteStream")) {
        streams.remove(stream.id());
      }
    }
    if (stream != null && end(session, stream)) {
      session.send(
          Replies.onStatus(stream.id(), Status.UNPUBLISH_SUCCESS, "unpublished"),
          STATUS_CHUNK_STREAM);
    }
  }

  /**
   * The stream a stop command means, or null. closeStream is sent on the stream itself;
   * deleteStream names it by id (RTMP 1.0 7.2.2.3: ffmpeg, OBS); FCUnpublish names it by the name
   * it publishes, on stream 0, and GStreamer's rtmp2sink sends its deleteStream the same way. Only
   * this connection's streams are looked at.
   */
  private NetStream stopped(Command command) {
    AmfValue argument =
        command.arguments().isEmpty() ? AmfNull.INSTANCE : command.arguments().get(0);
    Optional<String> name = argument.asString().map(NetConnection::withoutQuery);
    if (name.isPresent()) {
      return streams.values().stream()
          .filter(s -> s.publishes(name.get()))
          .findFirst()
          .orElse(null);
    }
    return streams.get((int) argument.asNumber().orElse(command.streamId()));
  }

  /** Ends a stream's publish or play; true if it was publishing. */
  private boolean end(RtmpSession session, NetStream stream) {
    long broadcast = stream.end();
    if (broadcast < 0) {
      return false;
    }
    if (services.publishers().ended(broadcast, session)) {
      services
          .publishGate()
          .ended(application, new PublishEnded(session.id(), broadcast, clock.instant()));
      LOG.info(() -> session + " stopped publishing broadcast " + broadcast);
    }
    return true;
  }

  @Override
  public void onClose(RtmpSession session) {
    List<NetStream> open;
    synchronized (this) {
      open = List.copyOf(streams.values());
      streams.clear();
    }
    for (NetStream stream : open) {
      end(session, stream);
    }
  }

  /**
   * The _result of a call, if its caller waits for one. A _result is matched to its call by the
   * transaction id, and 0 is the id of calls that get none (publish, play and deleteStream in RTMP
   * 1.0 7.2.2). GStreamer sends releaseStream and FCPublish with 0 and logs a warning for each
   * answer it cannot match; ffmpeg numbers them.
   */
  private static void answer(RtmpSession session, Command command, AmfValue value) {
    if (command.transactionId() > 0) {
      reply(session, Replies.result(command.transactionId(), value));
    }
  }

  private static void reply(RtmpSession session, RtmpMessage reply) {
    session.send(reply, COMMAND_CHUNK_STREAM);
  }
}
