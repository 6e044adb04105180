package io.onair.rtmp.amf;

import java.util.Map;

/**
 * An object: AMF0 anonymous object (2.5) or typed object (2.18), AMF3 object (3.12). AMF3 sends the
 * class name of an anonymous object as the empty string, which decodes to null here.
 *
 * @param className the registered class name; null for an anonymous object
 * @param properties the members in wire order; the record keeps an unmodifiable copy
 */
public record AmfObject(String className, Map<String, AmfValue> properties) implements AmfMembers {

  public AmfObject {
    properties = AmfProperties.copyOf(properties);
  }

  /** An anonymous object with these members. */
  public static AmfObject of(Map<String, AmfValue> properties) {
    return new AmfObject(null, properties);
  }

  public boolean isAnonymous() {
    return className == null;
  }
}
