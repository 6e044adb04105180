package io.onair.portal.health;

import io.onair.rtmp.api.RtmpAdapterMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads the RTMP adapter's JMX view by name. Going through JMX rather than a Java reference means a
 * portal deployed without the adapter still runs and can say so.
 */
final class AdapterProbe {

  /** Empty when the adapter listens and the ingest bean is activated on it, else what is wrong. */
  Optional<String> problem() {
    MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    try {
      // A compile-time constant: inlined, so this class loads even when the adapter's classes
      // are absent.
      ObjectName name = new ObjectName(RtmpAdapterMXBean.OBJECT_NAME);
      if (!mbeans.isRegistered(name)) {
        return Optional.of("RTMP resource adapter not deployed");
      }
      if (!Boolean.TRUE.equals(mbeans.getAttribute(name, "Listening"))) {
        return Optional.of("RTMP listener not accepting connections");
      }
      Object endpoints = mbeans.getAttribute(name, "ActivatedEndpoints");
      if (!(endpoints instanceof Integer count) || count < 1) {
        return Optional.of("RTMP ingest bean not activated on the adapter");
      }
      return Optional.empty();
    } catch (JMException e) {
      return Optional.of("RTMP adapter state unreadable: " + e);
    }
  }
}
