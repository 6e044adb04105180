package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.launch.PortalClient.Answer;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal deployed on Payara Micro without the RTMP adapter. Payara cannot create the ingest
 * bean's container ("Unable to determine the resource-adapter for the MDB") and leaves the portal
 * undeployed, with no health check registered, which Payara would report as ready by default.
 * Nobody could go live, so readiness must say DOWN.
 */
@ExtendWith(ArquillianExtension.class)
class MissingAdapterIT {

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @ArquillianResource private URL base;

  @Test
  void withoutTheAdapterReadinessIsDown() throws Exception {
    PortalClient portal = new PortalClient(ItSettings.loopback(base));
    Answer ready = portal.get("health/ready");
    assertThat(ready.status()).as(ready.body()).isEqualTo(503);
    assertThat(ready.member("status")).contains("DOWN");
    assertThat(portal.get("api/channels").status()).isEqualTo(404);
  }
}
