package io.onair.rtmp.amf;

import java.util.Map;

/**
 * An AMF0 ECMA array (AMF0 2.10), an associative array such as onMetaData's; in AMF3, an array with
 * only an associative part (AMF3 3.11).
 *
 * @param properties the entries in wire order; the record keeps an unmodifiable copy
 */
public record AmfEcmaArray(Map<String, AmfValue> properties) implements AmfMembers {

  public AmfEcmaArray {
    properties = AmfProperties.copyOf(properties);
  }
}
