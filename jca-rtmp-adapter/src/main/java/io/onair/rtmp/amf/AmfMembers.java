package io.onair.rtmp.amf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A value with named members: an object, an ECMA array or an AMF3 array with an associative part.
 * The accessors answer empty both for a missing member and for one of another type, which is what a
 * command reader wants: {@code connect.string("app")}.
 */
public sealed interface AmfMembers extends AmfValue permits AmfObject, AmfEcmaArray, AmfMixedArray {

  /** The members in wire order; unmodifiable. */
  Map<String, AmfValue> properties();

  default Optional<AmfValue> get(String name) {
    return Optional.ofNullable(properties().get(name));
  }

  default <T extends AmfValue> Optional<T> get(String name, Class<T> type) {
    return get(name).flatMap(value -> value.as(type));
  }

  default Optional<String> string(String name) {
    return get(name).flatMap(AmfValue::asString);
  }

  default OptionalDouble number(String name) {
    AmfValue value = properties().get(name);
    return value == null ? OptionalDouble.empty() : value.asNumber();
  }

  default Optional<Boolean> bool(String name) {
    return get(name).flatMap(AmfValue::asBoolean);
  }

  default Optional<AmfObject> object(String name) {
    return get(name, AmfObject.class);
  }

  /** The elements of a strict (AMF0) or dense-only (AMF3) array member. */
  default Optional<List<AmfValue>> list(String name) {
    return get(name, AmfStrictArray.class).map(AmfStrictArray::values);
  }
}
