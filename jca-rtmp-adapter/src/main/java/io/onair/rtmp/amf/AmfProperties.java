package io.onair.rtmp.amf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the insertion-ordered members of an object or ECMA array, for replies such as onStatus:
 * {@code new AmfProperties().put("level", "status").put("code", code).toObject()}.
 */
public final class AmfProperties {

  private final Map<String, AmfValue> properties = new LinkedHashMap<>();

  public AmfProperties put(String name, AmfValue value) {
    properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
    return this;
  }

  public AmfProperties put(String name, String value) {
    return put(name, new AmfString(value));
  }

  public AmfProperties put(String name, double value) {
    return put(name, new AmfNumber(value));
  }

  public AmfProperties put(String name, boolean value) {
    return put(name, AmfBoolean.of(value));
  }

  public AmfObject toObject() {
    return new AmfObject(null, properties);
  }

  public AmfObject toTypedObject(String className) {
    return new AmfObject(Objects.requireNonNull(className, "className"), properties);
  }

  public AmfEcmaArray toEcmaArray() {
    return new AmfEcmaArray(properties);
  }

  /**
   * An unmodifiable, insertion-ordered copy that refuses null values and null or empty names: both
   * formats close a member list with the empty name (AMF0 2.11, AMF3 3.11 and 3.12), so no encoder
   * could write one.
   */
  static Map<String, AmfValue> copyOf(Map<String, AmfValue> properties) {
    Map<String, AmfValue> copy = new LinkedHashMap<>(properties);
    copy.forEach(
        (name, value) -> {
          if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an AMF member name must not be null or empty");
          }
          Objects.requireNonNull(value, name);
        });
    return Collections.unmodifiableMap(copy);
  }
}
