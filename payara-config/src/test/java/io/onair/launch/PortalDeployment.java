package io.onair.launch;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The distribution's portal WAR as the Arquillian deployment of the Micro tests. Apart from {@link
 * ItSettings} so that the EAR's tests, which have no ShrinkWrap, can use that one.
 */
final class PortalDeployment {

  private PortalDeployment() {}

  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, ItSettings.distribution().resolve("deploy/ROOT.war").toFile());
  }
}
