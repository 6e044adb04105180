package io.onair.rtmp.amf;

import java.util.Objects;

/**
 * An E4X XML value (AMF3 3.13). AMF0 cannot carry it, so the AMF0 encoder switches to AMF3 for it.
 */
public record AmfXml(String xml) implements AmfValue {

  public AmfXml {
    Objects.requireNonNull(xml, "xml");
  }
}
