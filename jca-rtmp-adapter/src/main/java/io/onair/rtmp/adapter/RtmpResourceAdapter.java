package io.onair.rtmp.adapter;

import io.onair.rtmp.amf.AmfLimits;
import io.onair.rtmp.command.LivePublishers;
import io.onair.rtmp.command.NetConnection;
import io.onair.rtmp.command.Publications;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.live.LiveLimits;
import io.onair.rtmp.outbound.LiveHubOwner;
import io.onair.rtmp.session.MessageHandler;
import io.onair.rtmp.transport.RtmpServer;
import io.onair.rtmp.transport.TlsContext;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The RTMP resource adapter. {@link #start} binds the RTMP and RTMPS listeners; {@link #stop}
 * closes them. Its live hub also serves the outbound live feeds (package {@code outbound}), whose
 * managed connection factory the server associates with this adapter. Its config properties are
 * declared in ra.xml, each under the exact name of its setter's property: annotations made Payara
 * hold a second entry per property under another name, and which of the two was applied last, the
 * configured value or the default, varied.
 */
@Connector(
    displayName = "OnAir RTMP",
    vendorName = "OnAir",
    eisType = "RTMP",
    version = "1.0",
    transactionSupport = TransactionSupportLevel.NoTransaction)
public class RtmpResourceAdapter implements ResourceAdapter, LiveHubOwner {

  private static final Logger LOG = Logger.getLogger(RtmpResourceAdapter.class.getName());

  private String bindAddress = "0.0.0.0";
  private Integer rtmpPort = 1935;
  private Integer rtmpsPort = 1936;
  private String keystorePath = "";
  private String keystorePassword = "";
  private Integer maxConnections = 1000;
  private Integer handshakeTimeoutSeconds = 10;
  private Integer idleTimeoutSeconds = 60;
  private Integer maxChunkSize = 65_536;
  private Integer maxMessageSize = 8 * 1024 * 1024;
  private Integer maxChunkStreams = 64;
  private Integer maxAmfDepth = 32;
  private Integer maxAmfStringLength = 65_535;

  private final EndpointActivations activations = new EndpointActivations();
  private RtmpServer server;
  private RtmpServer tlsServer;
  private RtmpAdapterStatus status;
  private ListenerDispatcher dispatcher;

  /** Read by the outbound side on application threads; set on start, cleared on stop. */
  private volatile LiveHub hub;

  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    AdapterSettings settings = settings();
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      throw new ResourceAdapterInternalException(
          "OnAir RTMP adapter configuration is invalid: " + String.join("; ", problems));
    }
    dispatcher = new ListenerDispatcher(activations, context.getWorkManager());
    LiveHub liveHub = new LiveHub(LiveLimits.defaults());
    Publications publications = new HubPublications(liveHub);
    AmfLimits amfLimits =
        new AmfLimits(
            settings.maxAmfDepth(),
            settings.maxAmfStringLength(),
            AmfLimits.defaults().maxElements());
    LivePublishers publishers = new LivePublishers();
    NetConnection.Services services =
        new NetConnection.Services(dispatcher, dispatcher, publications, liveHub, publishers);
    Supplier<MessageHandler> handlers =
        () -> new NetConnection(services, amfLimits, Clock.systemUTC());
    server = new RtmpServer(settings.listener(), settings.chunkLimits(), handlers);
    try {
      server.start();
    } catch (IOException e) {
      throw new ResourceAdapterInternalException(
          "cannot listen for RTMP on " + settings.bindAddress() + ":" + settings.rtmpPort(), e);
    }
    tlsServer = startRtmps(settings, handlers);
    status = new RtmpAdapterStatus(server, activations, settings.rtmpPort(), publishers, liveHub);
    status.register();
    hub = liveHub;
    LOG.info(() -> "RTMP listening on " + settings.bindAddress() + ":" + settings.rtmpPort() + ".");
  }

  /** The RTMPS listener, if a keystore is configured; null otherwise (logged). */
  private RtmpServer startRtmps(AdapterSettings settings, Supplier<MessageHandler> handlers)
      throws ResourceAdapterInternalException {
    String keystore = settings.keystorePath();
    if (settings.rtmpsPort() == 0 || keystore == null || keystore.isBlank()) {
      LOG.info("RTMPS is off: set the adapter's rtmpsPort and keystorePath to turn it on.");
      return null;
    }
    try {
      RtmpServer rtmps =
          new RtmpServer(
              settings.listener().onPort(settings.rtmpsPort()),
              TlsContext.server(Path.of(keystore), keystorePassword.toCharArray()),
              settings.chunkLimits(),
              handlers);
      rtmps.start();
      LOG.info(
          () -> "RTMPS listening on " + settings.bindAddress() + ":" + settings.rtmpsPort() + ".");
      return rtmps;
    } catch (IOException e) {
      server.stop();
      throw new ResourceAdapterInternalException(
          "cannot listen for RTMPS on port " + settings.rtmpsPort() + ": " + e.getMessage(), e);
    }
  }

  /**
   * New feeds are refused from here on; the open ones end as the stopping listeners close their
   * publishers' connections.
   */
  @Override
  public void stop() {
    hub = null;
    if (status != null) {
      status.unregister();
    }
    if (tlsServer != null) {
      tlsServer.stop();
    }
    if (server != null) {
      server.stop();
    }
    activations.clear();
    LOG.info("RTMP listener stopped.");
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    // Only record the activation: creating an endpoint here would block until the MDB's
    // deployment finishes, and that deployment is what is calling us.
    activations.add(factory, RtmpActivationSpec.from(spec));
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    activations.remove(factory);
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  @Override
  public Optional<LiveHub> liveHub() {
    return Optional.ofNullable(hub);
  }

  /** Where the publish and unpublish decisions of the RTMP sessions are sent. */
  ListenerDispatcher dispatcher() {
    return dispatcher;
  }

  AdapterSettings settings() {
    return new AdapterSettings(
        bindAddress,
        rtmpPort,
        rtmpsPort,
        keystorePath,
        maxConnections,
        handshakeTimeoutSeconds,
        idleTimeoutSeconds,
        maxChunkSize,
        maxMessageSize,
        maxChunkStreams,
        maxAmfDepth,
        maxAmfStringLength);
  }

  public void setBindAddress(String bindAddress) {
    this.bindAddress = bindAddress;
  }

  public String getBindAddress() {
    return bindAddress;
  }

  public void setRtmpPort(Integer rtmpPort) {
    this.rtmpPort = rtmpPort;
  }

  public Integer getRtmpPort() {
    return rtmpPort;
  }

  public void setRtmpsPort(Integer rtmpsPort) {
    this.rtmpsPort = rtmpsPort;
  }

  public Integer getRtmpsPort() {
    return rtmpsPort;
  }

  public void setKeystorePath(String keystorePath) {
    this.keystorePath = keystorePath;
  }

  public String getKeystorePath() {
    return keystorePath;
  }

  public void setKeystorePassword(String keystorePassword) {
    this.keystorePassword = keystorePassword;
  }

  public String getKeystorePassword() {
    return keystorePassword;
  }

  public void setMaxConnections(Integer maxConnections) {
    this.maxConnections = maxConnections;
  }

  public Integer getMaxConnections() {
    return maxConnections;
  }

  public void setHandshakeTimeoutSeconds(Integer handshakeTimeoutSeconds) {
    this.handshakeTimeoutSeconds = handshakeTimeoutSeconds;
  }

  public Integer getHandshakeTimeoutSeconds() {
    return handshakeTimeoutSeconds;
  }

  public void setIdleTimeoutSeconds(Integer idleTimeoutSeconds) {
    this.idleTimeoutSeconds = idleTimeoutSeconds;
  }

  public Integer getIdleTimeoutSeconds() {
    return idleTimeoutSeconds;
  }

  public void setMaxChunkSize(Integer maxChunkSize) {
    this.maxChunkSize = maxChunkSize;
  }

  public Integer getMaxChunkSize() {
    return maxChunkSize;
  }

  public void setMaxMessageSize(Integer maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
  }

  public Integer getMaxMessageSize() {
    return maxMessageSize;
  }

  public void setMaxChunkStreams(Integer maxChunkStreams) {
    this.maxChunkStreams = maxChunkStreams;
  }

  public Integer getMaxChunkStreams() {
    return maxChunkStreams;
  }

  public void setMaxAmfDepth(Integer maxAmfDepth) {
    this.maxAmfDepth = maxAmfDepth;
  }

  public Integer getMaxAmfDepth() {
    return maxAmfDepth;
  }

  public void setMaxAmfStringLength(Integer maxAmfStringLength) {
    this.maxAmfStringLength = maxAmfStringLength;
  }

  public Integer getMaxAmfStringLength() {
    return maxAmfStringLength;
  }
}
