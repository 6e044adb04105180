package io.onair.rtmp.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;

/**
 * The TLS side of RTMPS: the server certificate and key from a PKCS12 keystore, TLS 1.3 and 1.2
 * only (what OBS, ffmpeg and GStreamer negotiate; older versions are refused).
 */
public final class TlsContext {

  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private TlsContext() {}

  /**
   * The server-side TLS configuration of a keystore.
   *
   * @throws IOException naming the keystore when it cannot be read or holds no usable key
   */
  public static SSLEngineConfigurator server(Path keystore, char[] password) throws IOException {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return new SSLEngineConfigurator(context, false, false, false).setEnabledProtocols(PROTOCOLS);
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException("cannot use the RTMPS keystore " + keystore + ": " + e.getMessage(), e);
    }
  }
}
