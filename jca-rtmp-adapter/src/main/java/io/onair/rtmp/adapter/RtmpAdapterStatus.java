package io.onair.rtmp.adapter;

import io.onair.rtmp.api.RtmpAdapterMXBean;
import io.onair.rtmp.command.LivePublishers;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.live.StreamStats;
import io.onair.rtmp.transport.RtmpServer;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The adapter's live state as the JMX view {@link RtmpAdapterMXBean}. */
final class RtmpAdapterStatus implements RtmpAdapterMXBean {

  private static final Logger LOG = Logger.getLogger(RtmpAdapterStatus.class.getName());

  private final RtmpServer server;
  private final EndpointActivations activations;
  private final int rtmpPort;
  private final LivePublishers publishers;
  private final LiveHub hub;

  RtmpAdapterStatus(
      RtmpServer server,
      EndpointActivations activations,
      int rtmpPort,
      LivePublishers publishers,
      LiveHub hub) {
    this.server = server;
    this.activations = activations;
    this.rtmpPort = rtmpPort;
    this.publishers = publishers;
    this.hub = hub;
  }

  @Override
  public String[] getLiveChannels() {
    return hub.liveStreams().stream().map(StreamStats::name).toArray(String[]::new);
  }

  @Override
  public int getLivePlayers() {
    return hub.liveStreams().stream().mapToInt(StreamStats::subscribers).sum();
  }

  @Override
  public int getLivePublishers() {
    return publishers.count();
  }

  @Override
  public boolean disconnectBroadcast(long broadcastId) {
    boolean disconnected = publishers.disconnect(broadcastId);
    LOG.info(
        () ->
            "Stop of broadcast "
                + broadcastId
                + " requested: "
                + (disconnected ? "its publisher was disconnected" : "not published here"));
    return disconnected;
  }

  @Override
  public boolean isListening() {
    return server.isListening();
  }

  @Override
  public int getRtmpPort() {
    return rtmpPort;
  }

  @Override
  public int getActivatedEndpoints() {
    return activations.size();
  }

  @Override
  public int getOpenConnections() {
    return server.connections().open();
  }

  @Override
  public long getAcceptedConnections() {
    return server.connections().accepted();
  }

  @Override
  public long getRefusedConnections() {
    return server.connections().refused();
  }

  void register() {
    MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName name = new ObjectName(OBJECT_NAME);
      try {
        mbeans.registerMBean(this, name);
      } catch (InstanceAlreadyExistsException stale) {
        // Left by an adapter instance that was not stopped cleanly (a failed redeploy).
        mbeans.unregisterMBean(name);
        mbeans.registerMBean(this, name);
      }
    } catch (JMException e) {
      LOG.log(Level.WARNING, "Cannot register " + OBJECT_NAME + "; JMX will not show RTMP.", e);
    }
  }

  void unregister() {
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(OBJECT_NAME));
    } catch (InstanceNotFoundException gone) {
      // Registration had failed and was logged then.
    } catch (JMException e) {
      LOG.log(Level.WARNING, "Cannot unregister " + OBJECT_NAME, e);
    }
  }
}
