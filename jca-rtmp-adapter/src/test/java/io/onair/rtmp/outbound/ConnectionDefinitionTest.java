package io.onair.rtmp.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.api.LiveFeedConnection;
import io.onair.rtmp.api.LiveFeedFactory;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ra.xml's connection definition names classes that exist and fit together: Payara reads it at
 * deployment, and a wrong name there only shows as a failed deployment or a pool that cannot be
 * created.
 */
class ConnectionDefinitionTest {

  private static Element outbound;

  @BeforeAll
  static void readRaXml() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document ra =
        factory.newDocumentBuilder().parse(Path.of("src/main/rar/META-INF/ra.xml").toFile());
    outbound = (Element) ra.getElementsByTagNameNS("*", "outbound-resourceadapter").item(0);
  }

  private static String text(String element) {
    return outbound.getElementsByTagNameNS("*", element).item(0).getTextContent().trim();
  }

  private static Class<?> declared(String element) throws ClassNotFoundException {
    return Class.forName(text(element));
  }

  @Test
  void theManagedConnectionFactoryIsAssociatedWithTheAdapter() throws Exception {
    assertThat(declared("managedconnectionfactory-class"))
        .isEqualTo(LiveFeedManagedConnectionFactory.class)
        .isAssignableTo(ManagedConnectionFactory.class)
        .isAssignableTo(ResourceAdapterAssociation.class);
  }

  @Test
  void theInterfacesAreTheApisAndTheImplementationsImplementThem() throws Exception {
    assertThat(declared("connectionfactory-interface")).isEqualTo(LiveFeedFactory.class);
    assertThat(declared("connection-interface")).isEqualTo(LiveFeedConnection.class);
    assertThat(declared("connectionfactory-impl-class")).isAssignableTo(LiveFeedFactory.class);
    assertThat(declared("connection-impl-class")).isAssignableTo(LiveFeedConnection.class);
    // The api jar, which the EJB module compiles against, is the api package.
    assertThat(LiveFeedFactory.class.getPackageName()).isEqualTo("io.onair.rtmp.api");
  }

  @Test
  void noTransactionsNoReauthentication() {
    assertThat(text("transaction-support")).isEqualTo("NoTransaction");
    assertThat(text("reauthentication-support")).isEqualTo("false");
  }
}
