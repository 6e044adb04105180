package io.onair.streaming.infrastructure.rtmp;

import io.onair.rtmp.api.RtmpAdapterMXBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Asks the RTMP adapter to stop a broadcast, through the operation its JMX view offers
 * administrators. Going through JMX by name keeps this module free of the adapter's classes at run
 * time, as the portal's readiness check is.
 */
@ApplicationScoped
public class RtmpAdapterControl {

  private static final Logger LOG = Logger.getLogger(RtmpAdapterControl.class.getName());

  /**
   * Disconnects the publisher of a broadcast, if this server's adapter has it.
   *
   * @return true if a publisher was disconnected
   */
  public boolean disconnect(long broadcastId) {
    try {
      Object disconnected =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName(RtmpAdapterMXBean.OBJECT_NAME),
                  "disconnectBroadcast",
                  new Object[] {broadcastId},
                  new String[] {long.class.getName()});
      return Boolean.TRUE.equals(disconnected);
    } catch (JMException e) {
      LOG.log(Level.WARNING, "Could not ask the RTMP adapter to stop broadcast " + broadcastId, e);
      return false;
    }
  }
}
