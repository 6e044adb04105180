package io.onair.rtmp.adapter;

import io.onair.rtmp.amf.AmfLimits;
import io.onair.rtmp.command.LivePublishers;
import io.onair.rtmp.command.NetConnection;
import io.onair.rtmp.command.Publications;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.live.LiveLimits;
import io.onair.rtmp.transport.RtmpServer;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The RTMP resource adapter. {@link #start} binds the RTMP listener; {@link #stop} closes it. Every
 * config property below is visible and editable as the resource adapter's configuration on Payara
 * Server ({@code create-resource-adapter-config}, or the admin console), and takes effect on the
 * adapter's next start.
 */
@Connector(
    displayName = "OnAir RTMP",
    vendorName = "OnAir",
    eisType = "RTMP",
    version = "1.0",
    transactionSupport = TransactionSupportLevel.NoTransaction)
public class RtmpResourceAdapter implements ResourceAdapter {

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
  private RtmpAdapterStatus status;
  private ListenerDispatcher dispatcher;
  private LiveHub hub;

  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    AdapterSettings settings = settings();
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      throw new ResourceAdapterInternalException(
          "OnAir RTMP adapter configuration is invalid: " + String.join("; ", problems));
    }
    dispatcher = new ListenerDispatcher(activations, context.getWorkManager());
    hub = new LiveHub(LiveLimits.defaults());
    Publications publications = new HubPublications(hub);
    AmfLimits amfLimits =
        new AmfLimits(
            settings.maxAmfDepth(),
            settings.maxAmfStringLength(),
            AmfLimits.defaults().maxElements());
    ListenerDispatcher gate = dispatcher;
    LivePublishers publishers = new LivePublishers();
    server =
        new RtmpServer(
            settings.listener(),
            settings.chunkLimits(),
            () -> new NetConnection(gate, publications, publishers, amfLimits, Clock.systemUTC()));
    try {
      server.start();
    } catch (IOException e) {
      throw new ResourceAdapterInternalException(
          "cannot listen for RTMP on " + settings.bindAddress() + ":" + settings.rtmpPort(), e);
    }
    status = new RtmpAdapterStatus(server, activations, settings.rtmpPort(), publishers);
    status.register();
    LOG.info(() -> "RTMP listening on " + settings.bindAddress() + ":" + settings.rtmpPort() + ".");
  }

  @Override
  public void stop() {
    if (status != null) {
      status.unregister();
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

  @ConfigProperty(defaultValue = "0.0.0.0", description = "Address the RTMP listeners bind to.")
  public void setBindAddress(String bindAddress) {
    this.bindAddress = bindAddress;
  }

  public String getBindAddress() {
    return bindAddress;
  }

  @ConfigProperty(defaultValue = "1935", description = "TCP port of the plain RTMP listener.")
  public void setRtmpPort(Integer rtmpPort) {
    this.rtmpPort = rtmpPort;
  }

  public Integer getRtmpPort() {
    return rtmpPort;
  }

  @ConfigProperty(defaultValue = "1936", description = "TCP port of the RTMPS (TLS) listener.")
  public void setRtmpsPort(Integer rtmpsPort) {
    this.rtmpsPort = rtmpsPort;
  }

  public Integer getRtmpsPort() {
    return rtmpsPort;
  }

  @ConfigProperty(description = "PKCS12 keystore holding the RTMPS certificate and its key.")
  public void setKeystorePath(String keystorePath) {
    this.keystorePath = keystorePath;
  }

  public String getKeystorePath() {
    return keystorePath;
  }

  @ConfigProperty(description = "Password of the RTMPS keystore.", confidential = true)
  public void setKeystorePassword(String keystorePassword) {
    this.keystorePassword = keystorePassword;
  }

  public String getKeystorePassword() {
    return keystorePassword;
  }

  @ConfigProperty(defaultValue = "1000", description = "Most RTMP connections open at once.")
  public void setMaxConnections(Integer maxConnections) {
    this.maxConnections = maxConnections;
  }

  public Integer getMaxConnections() {
    return maxConnections;
  }

  @ConfigProperty(
      defaultValue = "10",
      description = "Seconds a new connection has to complete the RTMP handshake.")
  public void setHandshakeTimeoutSeconds(Integer handshakeTimeoutSeconds) {
    this.handshakeTimeoutSeconds = handshakeTimeoutSeconds;
  }

  public Integer getHandshakeTimeoutSeconds() {
    return handshakeTimeoutSeconds;
  }

  @ConfigProperty(
      defaultValue = "60",
      description = "Seconds without any byte from a peer before its connection is closed.")
  public void setIdleTimeoutSeconds(Integer idleTimeoutSeconds) {
    this.idleTimeoutSeconds = idleTimeoutSeconds;
  }

  public Integer getIdleTimeoutSeconds() {
    return idleTimeoutSeconds;
  }

  @ConfigProperty(defaultValue = "65536", description = "Largest chunk size a peer may set.")
  public void setMaxChunkSize(Integer maxChunkSize) {
    this.maxChunkSize = maxChunkSize;
  }

  public Integer getMaxChunkSize() {
    return maxChunkSize;
  }

  @ConfigProperty(defaultValue = "8388608", description = "Largest RTMP message, in bytes.")
  public void setMaxMessageSize(Integer maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
  }

  public Integer getMaxMessageSize() {
    return maxMessageSize;
  }

  @ConfigProperty(defaultValue = "64", description = "Most chunk streams one connection may use.")
  public void setMaxChunkStreams(Integer maxChunkStreams) {
    this.maxChunkStreams = maxChunkStreams;
  }

  public Integer getMaxChunkStreams() {
    return maxChunkStreams;
  }

  @ConfigProperty(defaultValue = "32", description = "Deepest nesting of AMF objects and arrays.")
  public void setMaxAmfDepth(Integer maxAmfDepth) {
    this.maxAmfDepth = maxAmfDepth;
  }

  public Integer getMaxAmfDepth() {
    return maxAmfDepth;
  }

  @ConfigProperty(defaultValue = "65535", description = "Longest AMF string, in bytes.")
  public void setMaxAmfStringLength(Integer maxAmfStringLength) {
    this.maxAmfStringLength = maxAmfStringLength;
  }

  public Integer getMaxAmfStringLength() {
    return maxAmfStringLength;
  }
}
