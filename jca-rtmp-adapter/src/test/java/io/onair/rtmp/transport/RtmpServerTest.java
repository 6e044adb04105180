package io.onair.rtmp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.chunk.ChunkDecoder;
import io.onair.rtmp.chunk.ChunkEncoder;
import io.onair.rtmp.chunk.ChunkLimits;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.message.UserControl;
import io.onair.rtmp.session.MessageHandler;
import io.onair.rtmp.session.RtmpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtmpServerTest {

  private RtmpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static final ChunkLimits LIMITS = new ChunkLimits(65_536, 1 << 20, 16);

  /** Records the messages the server's sessions hand on; answers nothing. */
  private final List<RtmpMessage> handed = new CopyOnWriteArrayList<>();

  private final MessageHandler recorder =
      new MessageHandler() {
        @Override
        public void onMessage(RtmpSession session, RtmpMessage message) {
          handed.add(message);
        }

        @Override
        public void onClose(RtmpSession session) {}
      };

  private RtmpServer start(int maxConnections, int handshakeTimeoutSeconds) throws IOException {
    return start(maxConnections, handshakeTimeoutSeconds, 60);
  }

  private RtmpServer start(int maxConnections, int handshakeTimeoutSeconds, int idleSeconds)
      throws IOException {
    server =
        new RtmpServer(
            new ListenerSettings(
                "127.0.0.1", 0, maxConnections, handshakeTimeoutSeconds, idleSeconds),
            LIMITS,
            () -> recorder);
    server.start();
    return server;
  }

  /** A plain handshake as GStreamer's rtmp2sink does it: C0+C1, read S0+S1+S2, send C2. */
  private static void shakeHands(Socket socket) throws IOException {
    byte[] c1 = new byte[1536];
    new Random(1).nextBytes(c1);
    java.util.Arrays.fill(c1, 4, 8, (byte) 0);
    OutputStream out = socket.getOutputStream();
    out.write(3);
    out.write(c1);
    out.flush();
    byte[] s0s1s2 = socket.getInputStream().readNBytes(1 + 1536 + 1536);
    assertThat(s0s1s2).hasSize(3073);
    assertThat(s0s1s2[0]).isEqualTo((byte) 3);
    out.write(s0s1s2, 1, 1536); // C2 echoes S1
    out.flush();
  }

  @Test
  void afterTheHandshakeAPingIsAnsweredAndOtherMessagesAreHandedOn() throws Exception {
    start(10, 30);
    try (Socket socket = connect()) {
      socket.setSoTimeout(20_000);
      shakeHands(socket);
      ChunkEncoder encoder = new ChunkEncoder();
      OutputStream out = socket.getOutputStream();
      out.write(
          bytes(encoder.encode(UserControl.of(UserControl.Event.PING_REQUEST, 77).toMessage(), 2)));
      RtmpMessage data = new RtmpMessage(MessageType.DATA_AMF0, 0, 1, new byte[] {5});
      out.write(bytes(encoder.encode(data, 4)));
      out.flush();

      ChunkDecoder decoder = new ChunkDecoder(LIMITS);
      ByteBuffer in = ByteBuffer.allocate(1 << 16);
      RtmpMessage pong = null;
      while (pong == null) {
        int b = socket.getInputStream().read();
        assertThat(b).as("server closed before answering the ping").isNotEqualTo(-1);
        in.put((byte) b).flip();
        for (RtmpMessage m = decoder.decode(in); m != null; m = decoder.decode(in)) {
          if (m.type() == MessageType.USER_CONTROL
              && UserControl.decode(m).event() == UserControl.Event.PING_RESPONSE) {
            pong = m;
          }
        }
        in.compact();
      }
      assertThat(UserControl.decode(pong).value()).isEqualTo(77);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      while (handed.isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(10);
      }
      assertThat(handed).containsExactly(data);
    }
  }

  @Test
  void aClientAskingForRtmpeIsClosed() throws Exception {
    start(10, 30);
    try (Socket socket = connect()) {
      socket.getOutputStream().write(6);
      socket.getOutputStream().flush();
      awaitClosedByServer(socket);
    }
    awaitOpenConnections(0);
  }

  @Test
  void aCompletedHandshakeMovesTheConnectionToTheIdleTimeout() throws Exception {
    start(10, 1, 3600);
    try (Socket socket = connect()) {
      shakeHands(socket);
      Thread.sleep(2_500); // past the 1 s handshake timeout: only a missed switch would close it
      assertThat(server.connections().open()).isEqualTo(1);
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", server.boundPort()), 5_000);
    return socket;
  }

  /**
   * Reads until the server closes the connection; fails the test if it is still open after 20 s.
   */
  private static void awaitClosedByServer(Socket socket) throws IOException {
    socket.setSoTimeout(20_000);
    InputStream in = socket.getInputStream();
    try {
      while (in.read() != -1) {
        // the listener sends nothing before a handshake; drain whatever comes
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("server kept the connection open", e);
    } catch (IOException reset) {
      // a reset is a close too
    }
  }

  private void awaitOpenConnections(int expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (server.connections().open() != expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
    }
    assertThat(server.connections().open()).isEqualTo(expected);
  }

  @Test
  void acceptsTcpConnectionsAndCountsThem() throws Exception {
    start(10, 30);
    try (Socket a = connect();
        Socket b = connect()) {
      awaitOpenConnections(2);
      assertThat(server.isListening()).isTrue();
      assertThat(a.isConnected() && b.isConnected()).isTrue();
    }
    awaitOpenConnections(0);
    assertThat(server.connections().accepted()).isEqualTo(2);
  }

  @Test
  void aConnectionOverTheLimitIsClosedAndTheOthersStayOpen() throws Exception {
    start(1, 30);
    try (Socket first = connect()) {
      awaitOpenConnections(1);
      try (Socket second = connect()) {
        awaitClosedByServer(second);
      }
      assertThat(server.connections().refused()).isEqualTo(1);
      assertThat(first.isClosed()).isFalse();
      awaitOpenConnections(1);
    }
  }

  @Test
  void aSilentConnectionIsClosedByTheHandshakeTimeout() throws Exception {
    start(10, 1);
    try (Socket silent = connect()) {
      awaitClosedByServer(silent);
    }
    awaitOpenConnections(0);
  }

  @Test
  void afterStopThePortCanBeBoundAgainAtOnce() throws Exception {
    start(10, 30);
    int port = server.boundPort();
    server.stop();
    assertThat(server.isListening()).isFalse();
    // What a redeployed adapter does: bind the same port straight away.
    server =
        new RtmpServer(new ListenerSettings("127.0.0.1", port, 10, 30, 60), LIMITS, () -> recorder);
    server.start();
    assertThat(server.boundPort()).isEqualTo(port);
    try (Socket socket = connect()) {
      assertThat(socket.isConnected()).isTrue();
      awaitOpenConnections(1);
    }
  }
}
