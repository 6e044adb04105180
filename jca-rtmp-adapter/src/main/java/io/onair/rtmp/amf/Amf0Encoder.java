package io.onair.rtmp.amf;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes AMF0 (Adobe "Action Message Format -- AMF 0", December 2007), the inverse of {@link
 * Amf0Decoder}.
 *
 * <p>Choices the spec leaves open: a string longer than 65535 bytes goes as a long string (2.14); a
 * date's time-zone is written as 0 (2.13); an AMF3 integer goes as a number, which every AMF0
 * reader reads; values AMF0 cannot carry (xml, byte-array, an array with both parts) go after an
 * avmplus-object marker (3.1) as one AMF3 value with reference tables of its own. Whether a value
 * met again in the same message goes as a reference (2.9) is the {@link Repeats} choice.
 */
public final class Amf0Encoder implements AmfEncoder {

  /** What to write for an object or array instance met again in the same message. */
  public enum Repeats {
    /** Write it again in full: the safe choice, as ffmpeg's and librtmp's readers fail on 0x07. */
    INLINE,
    /** Write a reference (2.9) to its first occurrence, as Flash Player does. */
    REFERENCE
  }

  private final Repeats repeats;
  private final Amf3Encoder amf3 = new Amf3Encoder();

  /** An encoder that writes repeated instances in full. */
  public Amf0Encoder() {
    this(Repeats.INLINE);
  }

  public Amf0Encoder(Repeats repeats) {
    this.repeats = Objects.requireNonNull(repeats, "repeats");
  }

  @Override
  public void encodeAll(List<? extends AmfValue> values, AmfOutput out) {
    Message message = new Message(out);
    values.forEach(message::value);
  }

  /** The writing of one message: its output and the objects written so far. */
  private final class Message {

    private final AmfOutput out;
    private final Map<AmfValue, Integer> firstIndex = new IdentityHashMap<>();
    private int objectCount;

    Message(AmfOutput out) {
      this.out = out;
    }

    void value(AmfValue value) {
      if (value instanceof AmfNumber number) {
        number(number.value());
      } else if (value instanceof AmfInteger integer) {
        number(integer.value());
      } else if (value instanceof AmfBoolean bool) {
        marker(Amf0Marker.BOOLEAN);
        out.writeByte(bool.value() ? 1 : 0);
      } else if (value instanceof AmfString string) {
        string(string.value());
      } else if (value instanceof AmfNull) {
        marker(Amf0Marker.NULL);
      } else if (value instanceof AmfUndefined) {
        marker(Amf0Marker.UNDEFINED);
      } else if (value instanceof AmfUnsupported) {
        marker(Amf0Marker.UNSUPPORTED);
      } else if (value instanceof AmfDate date) {
        marker(Amf0Marker.DATE);
        out.writeDouble(date.epochMillis());
        out.writeU16(0);
      } else if (value instanceof AmfXmlDocument document) {
        marker(Amf0Marker.XML_DOCUMENT);
        longText(document.xml());
      } else if (value instanceof AmfObject
          || value instanceof AmfEcmaArray
          || value instanceof AmfStrictArray) {
        referable(value);
      } else {
        marker(Amf0Marker.AVMPLUS_OBJECT);
        amf3.encode(value, out);
      }
    }

    /**
     * Objects and arrays take the next reference index whether or not they are written in full, as
     * the decoder counts them; a repeat beyond the U16 index range goes in full.
     */
    private void referable(AmfValue value) {
      Integer index = firstIndex.get(value);
      if (index != null && index <= 0xFFFF) {
        marker(Amf0Marker.REFERENCE);
        out.writeU16(index);
        return;
      }
      if (repeats == Repeats.REFERENCE && index == null) {
        firstIndex.put(value, objectCount);
      }
      objectCount++;
      if (value instanceof AmfStrictArray array) {
        marker(Amf0Marker.STRICT_ARRAY);
        out.writeU32(array.values().size());
        array.values().forEach(this::value);
      } else if (value instanceof AmfEcmaArray array) {
        marker(Amf0Marker.ECMA_ARRAY);
        out.writeU32(array.properties().size());
        properties(array.properties());
      } else {
        AmfObject object = (AmfObject) value;
        if (object.isAnonymous()) {
          marker(Amf0Marker.OBJECT);
        } else {
          marker(Amf0Marker.TYPED_OBJECT);
          shortText(object.className(), "class name");
        }
        properties(object.properties());
      }
    }

    private void number(double value) {
      marker(Amf0Marker.NUMBER);
      out.writeDouble(value);
    }

    private void string(String value) {
      int length = AmfOutput.utf8Length(value);
      if (length <= 0xFFFF) {
        marker(Amf0Marker.STRING);
        out.writeU16(length);
      } else {
        marker(Amf0Marker.LONG_STRING);
        out.writeU32(length);
      }
      out.writeUtf8(value, length);
    }

    private void properties(Map<String, AmfValue> properties) {
      properties.forEach(
          (name, value) -> {
            shortText(name, "property name");
            value(value);
          });
      out.writeU16(0);
      marker(Amf0Marker.OBJECT_END);
    }

    private void shortText(String text, String what) {
      int length = AmfOutput.utf8Length(text);
      if (length > 0xFFFF) {
        throw new IllegalArgumentException(
            "AMF0 " + what + " of " + length + " bytes: at most 65535 fit");
      }
      out.writeU16(length);
      out.writeUtf8(text, length);
    }

    private void longText(String text) {
      int length = AmfOutput.utf8Length(text);
      out.writeU32(length);
      out.writeUtf8(text, length);
    }

    private void marker(Amf0Marker marker) {
      out.writeByte(marker.code);
    }
  }
}
