package io.onair.rtmp.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.onair.rtmp.amf.Amf0Decoder;
import io.onair.rtmp.amf.Amf0Encoder;
import io.onair.rtmp.amf.AmfEcmaArray;
import io.onair.rtmp.amf.AmfLimits;
import io.onair.rtmp.amf.AmfMembers;
import io.onair.rtmp.amf.AmfNull;
import io.onair.rtmp.amf.AmfNumber;
import io.onair.rtmp.amf.AmfProperties;
import io.onair.rtmp.amf.AmfString;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.api.PublishDecision;
import io.onair.rtmp.api.PublishEnded;
import io.onair.rtmp.api.PublishRequest;
import io.onair.rtmp.api.RefusalReason;
import io.onair.rtmp.chunk.ChunkLimits;
import io.onair.rtmp.flv.MediaTag;
import io.onair.rtmp.handshake.ServerHandshake;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.live.LiveLimits;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.message.UserControl;
import io.onair.rtmp.protocol.ProtocolException;
import io.onair.rtmp.session.RtmpSession;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command sequence of an encoder, against a session whose output the test reads back. */
class NetConnectionTest {

  private static final AmfLimits LIMITS = AmfLimits.defaults();
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private static final class Hub implements Publications {
    final List<String> opened = new ArrayList<>();
    final List<RtmpMessage> metadata = new ArrayList<>();
    final List<MediaTag> media = new ArrayList<>();
    int ended;

    @Override
    public Publication open(String channel) {
      opened.add(channel);
      return new Publication() {
        @Override
        public void metadata(RtmpMessage onMetaData) {
          metadata.add(onMetaData);
        }

        @Override
        public void media(RtmpMessage message, MediaTag tag) {
          media.add(tag);
        }

        @Override
        public void end() {
          ended++;
        }
      };
    }
  }

  private final RecordingClient client = new RecordingClient();
  private final GateFake gate = new GateFake();
  private final Hub hub = new Hub();
  private final LivePublishers publishers = new LivePublishers();
  private final NetConnection.Services services =
      new NetConnection.Services(gate, gate, hub, new LiveHub(LiveLimits.defaults()), publishers);
  private NetConnection connection;
  private RtmpSession session;

  @BeforeEach
  void connect() {
    connection = new NetConnection(services, LIMITS, Clock.fixed(NOW, ZoneOffset.UTC));
    session =
        new RtmpSession(
            "rtmp-1",
            "/10.1.2.3:50000",
            new ServerHandshake(new SecureRandom(), InstantSource.system()),
            new ChunkLimits(65_536, 1 << 20, 16),
            client,
            connection);
  }

  private void send(String name, double tx, AmfValue object, int streamId, AmfValue... args) {
    connection.onMessage(session, new Command(name, tx, object, List.of(args), streamId).encode());
  }

  private void connectAndCreateStream() {
    AmfValue properties =
        new AmfProperties()
            .put("app", "live/")
            .put("type", "nonprivate")
            .put("flashVer", "FMLE/3.0 (compatible; FMSc/1.0)")
            .put("tcUrl", "rtmp://127.0.0.1/live/")
            .toObject();
    send("connect", 1, properties, 0);
    send("releaseStream", 2, AmfNull.INSTANCE, 0, new AmfString("sk_secret"));
    send("FCPublish", 3, AmfNull.INSTANCE, 0, new AmfString("sk_secret"));
    send("createStream", 4, AmfNull.INSTANCE, 0);
  }

  private static String code(Command status) {
    return RecordingClient.code(status);
  }

  @Test
  void connectIsAnsweredWithSuccessAndTheServersProperties() {
    connectAndCreateStream();
    List<Command> replies = client.commands();
    assertThat(replies)
        .extracting(Command::name)
        .containsExactly("_result", "_result", "_result", "_result");
    assertThat(replies.get(0).transactionId()).isEqualTo(1);
    assertThat(code(replies.get(0))).isEqualTo("NetConnection.Connect.Success");
    assertThat(replies.get(3).arguments()).containsExactly(new AmfNumber(1));
  }

  @Test
  void anAcceptedPublishStartsAndItsMediaAndMetadataReachTheHub() {
    connectAndCreateStream();
    send(
        "publish", 5, AmfNull.INSTANCE, 1, new AmfString("sk_secret?obs=1"), new AmfString("live"));
    assertThat(gate.requests)
        .containsExactly(new PublishRequest("rtmp-1", "/10.1.2.3:50000", "live", "sk_secret"));
    assertThat(hub.opened).isEmpty();

    gate.next.complete(PublishDecision.accept(42, "town-hall"));
    assertThat(hub.opened).containsExactly("town-hall");
    assertThat(client.received)
        .anyMatch(
            m ->
                m.type() == MessageType.USER_CONTROL
                    && UserControl.decode(m)
                        .equals(UserControl.of(UserControl.Event.STREAM_BEGIN, 1)));
    assertThat(code(client.last())).isEqualTo("NetStream.Publish.Start");
    assertThat(client.last().streamId()).isEqualTo(1);

    byte[] setDataFrame =
        new Amf0Encoder()
            .encodeAll(
                new AmfString("@setDataFrame"),
                new AmfString("onMetaData"),
                new AmfEcmaArray(java.util.Map.of("width", new AmfNumber(1280))));
    connection.onMessage(session, new RtmpMessage(MessageType.DATA_AMF0, 0, 1, setDataFrame));
    connection.onMessage(
        session, new RtmpMessage(MessageType.VIDEO, 40, 1, HexFormat.of().parseHex("1700000000")));
    connection.onMessage(session, new RtmpMessage(MessageType.AUDIO, 40, 1, new byte[0]));

    List<AmfValue> metadata =
        new Amf0Decoder(LIMITS).decodeAll(ByteBuffer.wrap(hub.metadata.get(0).payload()));
    assertThat(metadata.get(0)).isEqualTo(new AmfString("onMetaData"));
    assertThat(hub.media).hasSize(1);
    assertThat(hub.media.get(0).dts()).isEqualTo(40);
  }

  @Test
  void aLivePublisherCanBeDisconnectedByItsBroadcastAndItsEndIsReported() {
    connectAndCreateStream();
    send("publish", 5, AmfNull.INSTANCE, 1, new AmfString("sk_secret"), new AmfString("live"));
    gate.next.complete(PublishDecision.accept(42, "town-hall"));
    assertThat(publishers.count()).isEqualTo(1);

    assertThat(publishers.disconnect(41)).isFalse();
    assertThat(publishers.disconnect(42)).isTrue();

    assertThat(client.closed).isTrue();
    assertThat(gate.ended).containsExactly(new PublishEnded("rtmp-1", 42, NOW));
    assertThat(publishers.count()).isZero();
    assertThat(publishers.disconnect(42)).isFalse();
  }

  @Test
  void theSameBroadcastAcceptedOnANewConnectionTakesItOverFromTheStaleOne() {
    connectAndCreateStream();
    send("publish", 5, AmfNull.INSTANCE, 1, new AmfString("sk_secret"), new AmfString("live"));
    gate.next.complete(PublishDecision.accept(42, "town-hall"));

    // The encoder reconnects: a second connection, the same key, the same broadcast.
    RecordingClient client2 = new RecordingClient();
    NetConnection connection2 =
        new NetConnection(services, LIMITS, Clock.fixed(NOW, ZoneOffset.UTC));
    RtmpSession session2 =
        new RtmpSession(
            "rtmp-2",
            "/10.1.2.3:50001",
            new ServerHandshake(new SecureRandom(), InstantSource.system()),
            new ChunkLimits(65_536, 1 << 20, 16),
            client2,
            connection2);
    gate.next = new CompletableFuture<>();
    for (Command c :
        List.of(
            new Command(
                "connect", 1, new AmfProperties().put("app", "live").toObject(), List.of(), 0),
            new Command("createStream", 2, AmfNull.INSTANCE, List.of(), 0),
            new Command("publish", 3, AmfNull.INSTANCE, List.of(new AmfString("sk_secret")), 1))) {
      connection2.onMessage(session2, c.encode());
    }
    gate.next.complete(PublishDecision.accept(42, "town-hall"));

    assertThat(client.closed).as("the stale connection is closed").isTrue();
    assertThat(client2.closed).isFalse();
    assertThat(gate.ended).as("the broadcast goes on").isEmpty();
    assertThat(publishers.count()).isEqualTo(1);

    session2.close();
    assertThat(gate.ended).containsExactly(new PublishEnded("rtmp-2", 42, NOW));
  }

  @Test
  void aRefusedPublishGetsBadNameWithTheReasonAndIsClosed() {
    connectAndCreateStream();
    send("publish", 5, AmfNull.INSTANCE, 1, new AmfString("sk_wrong"), new AmfString("live"));
    gate.next.complete(PublishDecision.refuse(RefusalReason.UNKNOWN_KEY));

    Command status = client.last();
    assertThat(code(status)).isEqualTo("NetStream.Publish.BadName");
    assertThat(status.arguments().get(0).as(AmfMembers.class).orElseThrow().string("description"))
        .contains("stream key not accepted");
    assertThat(client.closed).isTrue();
    assertThat(hub.opened).isEmpty();
  }

  @Test
  void mediaBeforeTheDecisionIsDropped() {
    connectAndCreateStream();
    send("publish", 5, AmfNull.INSTANCE, 1, new AmfString("sk_secret"), new AmfString("live"));
    connection.onMessage(
        session, new RtmpMessage(MessageType.VIDEO, 0, 1, HexFormat.of().parseHex("1700000000")));
    gate.next.complete(PublishDecision.accept(1, "c"));
    assertThat(hub.media).isEmpty();
  }

  @Test
  void theEndOfAPublishIsReportedOnceWhicheverWayItEnds() {
    connectAndCreateStream();
    send("publish", 5, AmfNull.INSTANCE, 1, new AmfString("sk_secret"), new AmfString("live"));
    gate.next.complete(PublishDecision.accept(42, "town-hall"));

    send("FCUnpublish", 6, AmfNull.INSTANCE, 0, new AmfString("sk_secret"));
    send("deleteStream", 7, AmfNull.INSTANCE, 0, new AmfNumber(1));
    session.close();

    assertThat(gate.ended).containsExactly(new PublishEnded("rtmp-1", 42, NOW));
    assertThat(hub.ended).isEqualTo(1);
  }

  @Test
  void aDisconnectWhilePublishingEndsTheBroadcast() {
    connectAndCreateStream();
    send("publish", 5, AmfNull.INSTANCE, 1, new AmfString("sk_secret"), new AmfString("live"));
    gate.next.complete(PublishDecision.accept(42, "town-hall"));
    session.close();
    assertThat(gate.ended).containsExactly(new PublishEnded("rtmp-1", 42, NOW));
  }

  @Test
  void aDecisionThatArrivesAfterTheClientLeftEndsTheBroadcastAtOnce() {
    connectAndCreateStream();
    send("publish", 5, AmfNull.INSTANCE, 1, new AmfString("sk_secret"), new AmfString("live"));
    session.close();
    gate.next.complete(PublishDecision.accept(42, "town-hall"));
    assertThat(gate.ended).containsExactly(new PublishEnded("rtmp-1", 42, NOW));
    assertThat(hub.opened).isEmpty();
  }

  @Test
  void commandsBeforeConnectAreRefusedAsAProtocolError() {
    assertThatThrownBy(() -> send("createStream", 2, AmfNull.INSTANCE, 0))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("before connect");
  }

  @Test
  void publishingOnAStreamThatWasNotCreatedIsAProtocolError() {
    connectAndCreateStream();
    assertThatThrownBy(() -> send("publish", 5, AmfNull.INSTANCE, 7, new AmfString("k")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("publish stream id 7");
  }

  @Test
  void anUnknownCallGetsAnErrorAndTheConnectionStays() {
    connectAndCreateStream();
    send("someRpc", 9, AmfNull.INSTANCE, 0);
    assertThat(client.last().name()).isEqualTo("_error");
    assertThat(client.closed).isFalse();
  }

  /** rtmp2sink's half of the plain handshake: C0, then C1 (its clock, four zero bytes), C2. */
  private void shakeHandsLikeRtmp2sink() {
    client.handshakeBytes = 1 + 2 * 1536;
    byte[] c0c1c2 = new byte[1 + 2 * 1536];
    new Random(7).nextBytes(c0c1c2);
    c0c1c2[0] = 3;
    Arrays.fill(c0c1c2, 5, 9, (byte) 0);
    receive(c0c1c2);
    assertThat(session.handshakeDone()).isTrue();
  }

  private void receive(byte[]... chunks) {
    for (byte[] chunk : chunks) {
      ByteBuffer in = ByteBuffer.wrap(chunk);
      session.receive(in);
      assertThat(in.remaining()).as("each vector is whole chunks").isZero();
    }
  }

  private void publishLikeRtmp2sink() {
    shakeHandsLikeRtmp2sink();
    receive(
        Rtmp2sinkCapture.CONNECT,
        Rtmp2sinkCapture.WINDOW_ACKNOWLEDGEMENT_SIZE,
        Rtmp2sinkCapture.RELEASE_STREAM_AND_FC_PUBLISH,
        Rtmp2sinkCapture.CREATE_STREAM,
        Rtmp2sinkCapture.PUBLISH);
  }

  @Test
  void rtmp2sinksCallsNumberedZeroGetNoAnswer() {
    publishLikeRtmp2sink();
    // An answer to releaseStream or FCPublish (numbered 0) is one GStreamer cannot match: it logs
    // 'Server sent response "_result" without transaction' for each.
    assertThat(client.commands())
        .extracting(Command::name, Command::transactionId)
        .containsExactly(tuple("_result", 1.0), tuple("_result", 2.0));
    assertThat(code(client.commands().get(0))).isEqualTo("NetConnection.Connect.Success");
    assertThat(client.commands().get(1).arguments()).containsExactly(new AmfNumber(1));
    assertThat(gate.requests)
        .containsExactly(
            new PublishRequest("rtmp-1", "/10.1.2.3:50000", "live", Rtmp2sinkCapture.KEY));
  }

  @Test
  void rtmp2sinksStopCommandsEndItsPublishWhileItsConnectionStaysOpen() {
    publishLikeRtmp2sink();
    gate.next.complete(PublishDecision.accept(42, "town-hall"));
    assertThat(code(client.last())).isEqualTo("NetStream.Publish.Start");

    receive(Rtmp2sinkCapture.FC_UNPUBLISH_AND_DELETE_STREAM);

    // rtmp2sink sends these at the end of its stream but closes the connection only when the
    // element stops, which an application may do much later: the broadcast ends here.
    assertThat(client.closed).isFalse();
    assertThat(gate.ended).containsExactly(new PublishEnded("rtmp-1", 42, NOW));
    assertThat(hub.ended).isEqualTo(1);
    assertThat(publishers.count()).isZero();
    assertThat(code(client.last())).isEqualTo("NetStream.Unpublish.Success");
    assertThat(client.last().streamId()).isEqualTo(1);

    session.close();
    assertThat(gate.ended).as("ended once").hasSize(1);
  }

  @Test
  void theApplicationNameLosesTrailingSlashesAndQueries() {
    assertThat(NetConnection.applicationName("live/")).isEqualTo("live");
    assertThat(NetConnection.applicationName("live?token=x")).isEqualTo("live");
    assertThat(NetConnection.applicationName("live")).isEqualTo("live");
  }
}
