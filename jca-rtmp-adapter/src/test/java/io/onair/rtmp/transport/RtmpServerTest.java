package io.onair.rtmp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
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

  private RtmpServer start(int maxConnections, int handshakeTimeoutSeconds) throws IOException {
    server =
        new RtmpServer(
            new ListenerSettings("127.0.0.1", 0, maxConnections, handshakeTimeoutSeconds, 60));
    server.start();
    return server;
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
    server = new RtmpServer(new ListenerSettings("127.0.0.1", port, 10, 30, 60));
    server.start();
    assertThat(server.boundPort()).isEqualTo(port);
    try (Socket socket = connect()) {
      awaitOpenConnections(1);
    }
  }
}
