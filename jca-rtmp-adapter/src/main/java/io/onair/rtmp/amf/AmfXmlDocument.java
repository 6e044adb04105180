package io.onair.rtmp.amf;

import java.util.Objects;

/** A legacy XML document (flash.xml.XMLDocument): AMF0 2.17, AMF3 3.9. */
public record AmfXmlDocument(String xml) implements AmfValue {

  public AmfXmlDocument {
    Objects.requireNonNull(xml, "xml");
  }
}
