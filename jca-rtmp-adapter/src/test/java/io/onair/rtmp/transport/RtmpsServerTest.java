package io.onair.rtmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.chunk.ChunkLimits;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.session.MessageHandler;
import io.onair.rtmp.session.RtmpSession;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RTMP inside TLS: a real TLS client, a real PKCS12 keystore made by the JDK's keytool. */
class RtmpsServerTest {

  private static final char[] PASSWORD = "rtmps-test-password".toCharArray();

  @TempDir static Path dir;
  private static Path keystore;
  private RtmpServer server;

  @BeforeAll
  static void makeKeystore() throws Exception {
    keystore = dir.resolve("rtmps.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "rtmps",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private int start() throws IOException {
    MessageHandler ignore =
        new MessageHandler() {
          @Override
          public void onMessage(RtmpSession session, RtmpMessage message) {}

          @Override
          public void onClose(RtmpSession session) {}
        };
    server =
        new RtmpServer(
            new ListenerSettings("127.0.0.1", 0, 10, 30, 60),
            TlsContext.server(keystore, PASSWORD),
            new ChunkLimits(65_536, 1 << 20, 16),
            () -> ignore);
    server.start();
    return server.boundPort();
  }

  /** Trusts the test's self-signed certificate, as encoders pointed at it would be told to. */
  private static SSLSocket client(int port, String... protocols) throws Exception {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
    socket.setEnabledProtocols(protocols);
    socket.setSoTimeout(20_000);
    return socket;
  }

  @Test
  void theRtmpHandshakeRunsInsideTls13() throws Exception {
    try (SSLSocket socket = client(start(), "TLSv1.3", "TLSv1.2")) {
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
      byte[] c1 = new byte[1536];
      new Random(3).nextBytes(c1);
      java.util.Arrays.fill(c1, 4, 8, (byte) 0);
      socket.getOutputStream().write(3);
      socket.getOutputStream().write(c1);
      socket.getOutputStream().flush();
      byte[] s0s1s2 = socket.getInputStream().readNBytes(3073);
      assertThat(s0s1s2[0]).isEqualTo((byte) 3);
      assertThat(java.util.Arrays.copyOfRange(s0s1s2, 1 + 1536, 3073)).isEqualTo(c1);
    }
  }

  @Test
  void tls12IsAcceptedAndTls11Refused() throws Exception {
    int port = start();
    try (SSLSocket socket = client(port, "TLSv1.2")) {
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
    }
    try (SSLSocket socket = client(port, "TLSv1.1")) {
      assertThatThrownBy(socket::startHandshake).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aPlainRtmpClientOnTheTlsPortIsClosed() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", start())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(3);
      socket.getOutputStream().write(new byte[1536]);
      socket.getOutputStream().flush();
      int read;
      try {
        read = socket.getInputStream().read(new byte[64]);
        while (read > 0) {
          read = socket.getInputStream().read(new byte[64]);
        }
      } catch (IOException reset) {
        read = -1;
      }
      assertThat(read).isEqualTo(-1);
    }
  }

  @Test
  void aMissingKeystoreIsNamedInTheError() {
    assertThatThrownBy(() -> TlsContext.server(dir.resolve("none.p12"), PASSWORD))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("none.p12");
  }
}
