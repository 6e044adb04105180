package io.onair.rtmp.amf;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One AMF value, AMF0 or AMF3. Each wire type that a peer can tell apart has its own record, so a
 * decoded message encodes back to what was sent. The defaults let the command layer read a value
 * without casting.
 */
public sealed interface AmfValue
    permits AmfNumber,
        AmfInteger,
        AmfBoolean,
        AmfString,
        AmfNull,
        AmfUndefined,
        AmfUnsupported,
        AmfMembers,
        AmfStrictArray,
        AmfDate,
        AmfXmlDocument,
        AmfXml,
        AmfByteArray {

  /** The text of a string value; empty for any other type. */
  default Optional<String> asString() {
    return this instanceof AmfString s ? Optional.of(s.value()) : Optional.empty();
  }

  /** The number of a number or (AMF3) integer value; empty for any other type. */
  default OptionalDouble asNumber() {
    if (this instanceof AmfNumber n) {
      return OptionalDouble.of(n.value());
    }
    if (this instanceof AmfInteger i) {
      return OptionalDouble.of(i.value());
    }
    return OptionalDouble.empty();
  }

  /** The truth of a boolean value; empty for any other type. */
  default Optional<Boolean> asBoolean() {
    return this instanceof AmfBoolean b ? Optional.of(b.value()) : Optional.empty();
  }

  /** This value as the given type, if it is one: {@code value.as(AmfObject.class)}. */
  default <T extends AmfValue> Optional<T> as(Class<T> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
  }
}
