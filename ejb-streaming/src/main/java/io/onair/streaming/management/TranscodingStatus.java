package io.onair.streaming.management;

import io.onair.streaming.application.transcoding.TranscodeJobs;
import io.onair.streaming.application.transcoding.TranscodeState;
import io.onair.streaming.application.transcoding.TranscodeStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers {@value TranscodingMXBean#OBJECT_NAME} while the application runs. JMX access is the
 * server's administrators' already (Payara's JMX connector and its credentials), so it shows what
 * the REST API shows them.
 */
@Singleton
@Startup
public class TranscodingStatus implements TranscodingMXBean {

  private static final Logger LOG = Logger.getLogger(TranscodingStatus.class.getName());

  @Inject private TranscodeJobs jobs;

  @PostConstruct
  void register() {
    MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName name = new ObjectName(OBJECT_NAME);
      try {
        mbeans.registerMBean(this, name);
      } catch (InstanceAlreadyExistsException stale) {
        // Left by a deployment that did not stop cleanly.
        mbeans.unregisterMBean(name);
        mbeans.registerMBean(this, name);
      }
    } catch (JMException e) {
      LOG.log(Level.WARNING, "Cannot register " + OBJECT_NAME + "; JMX will not show it.", e);
    }
  }

  @PreDestroy
  void unregister() {
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(OBJECT_NAME));
    } catch (JMException e) {
      LOG.log(Level.FINE, "Unregistering " + OBJECT_NAME, e);
    }
  }

  @Override
  public int getMaxConcurrent() {
    return jobs.maxConcurrent();
  }

  @Override
  public int getTranscoding() {
    return (int) jobs.statuses().stream().filter(TranscodingStatus::hasJob).count();
  }

  @Override
  public int getSourceOnly() {
    return (int)
        jobs.statuses().stream().filter(s -> s.state() == TranscodeState.SOURCE_ONLY).count();
  }

  @Override
  public List<TranscodeJobInfo> getJobs() {
    return jobs.statuses().stream().map(TranscodeJobInfo::of).toList();
  }

  private static boolean hasJob(TranscodeStatus status) {
    return switch (status.state()) {
      case STARTING, RUNNING, RESTARTING -> true;
      case FAILED, STOPPED, SOURCE_ONLY -> false;
    };
  }
}
