package io.onair.rtmp.amf;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes AMF3 (Adobe "AMF 3 Specification", January 2013), the inverse of {@link Amf3Decoder}.
 *
 * <p>Within one message a string already written goes as a string reference, an instance already
 * written (compared by identity) as an object reference, and equal traits as a traits reference, as
 * Flash Player writes them (2.1). An anonymous object has all its members dynamic; a typed one has
 * them all sealed, in order. {@link AmfUnsupported}, which AMF3 lacks, goes as undefined.
 */
public final class Amf3Encoder implements AmfEncoder {

  @Override
  public void encodeAll(List<? extends AmfValue> values, AmfOutput out) {
    Message message = new Message(out);
    values.forEach(message::value);
  }

  /** The writing of one message: its output and its three reference tables. */
  private static final class Message {

    private final AmfOutput out;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<AmfValue, Integer> objects = new IdentityHashMap<>();
    private final Map<Amf3Traits, Integer> traits = new HashMap<>();

    Message(AmfOutput out) {
      this.out = out;
    }

    void value(AmfValue value) {
      if (value instanceof AmfUndefined || value instanceof AmfUnsupported) {
        marker(Amf3Marker.UNDEFINED);
      } else if (value instanceof AmfNull) {
        marker(Amf3Marker.NULL);
      } else if (value instanceof AmfBoolean bool) {
        marker(bool.value() ? Amf3Marker.TRUE : Amf3Marker.FALSE);
      } else if (value instanceof AmfInteger integer) {
        marker(Amf3Marker.INTEGER);
        out.writeU29(integer.value() & 0x1FFF_FFFF);
      } else if (value instanceof AmfNumber number) {
        marker(Amf3Marker.DOUBLE);
        out.writeDouble(number.value());
      } else if (value instanceof AmfString string) {
        marker(Amf3Marker.STRING);
        string(string.value());
      } else {
        referable(value);
      }
    }

    /** Values that go in the object table: a reference if written before, else in full. */
    private void referable(AmfValue value) {
      marker(markerOf(value));
      Integer index = objects.get(value);
      if (index != null) {
        out.writeU29(index << 1);
        return;
      }
      objects.put(value, objects.size());
      if (value instanceof AmfXmlDocument document) {
        text(document.xml());
      } else if (value instanceof AmfXml xml) {
        text(xml.xml());
      } else if (value instanceof AmfDate date) {
        out.writeU29(1);
        out.writeDouble(date.epochMillis());
      } else if (value instanceof AmfByteArray bytes) {
        out.writeU29(inline(bytes.length()));
        bytes.writeTo(out);
      } else if (value instanceof AmfObject object) {
        object(object);
      } else {
        array(value);
      }
    }

    private static Amf3Marker markerOf(AmfValue value) {
      if (value instanceof AmfXmlDocument) {
        return Amf3Marker.XML_DOC;
      }
      if (value instanceof AmfXml) {
        return Amf3Marker.XML;
      }
      if (value instanceof AmfDate) {
        return Amf3Marker.DATE;
      }
      if (value instanceof AmfByteArray) {
        return Amf3Marker.BYTE_ARRAY;
      }
      return value instanceof AmfObject ? Amf3Marker.OBJECT : Amf3Marker.ARRAY;
    }

    /** 3.11: the dense count, the associative part closed by the empty name, the dense part. */
    private void array(AmfValue value) {
      Map<String, AmfValue> associative = Map.of();
      List<AmfValue> dense = List.of();
      if (value instanceof AmfStrictArray array) {
        dense = array.values();
      } else if (value instanceof AmfEcmaArray array) {
        associative = array.properties();
      } else {
        AmfMixedArray array = (AmfMixedArray) value;
        associative = array.properties();
        dense = array.dense();
      }
      out.writeU29(inline(dense.size()));
      dynamicMembers(associative);
      dense.forEach(this::value);
    }

    private void object(AmfObject object) {
      Amf3Traits objectTraits =
          object.isAnonymous()
              ? Amf3Traits.ANONYMOUS
              : new Amf3Traits(
                  object.className(), List.copyOf(object.properties().keySet()), false);
      Integer index = traits.get(objectTraits);
      if (index != null) {
        out.writeU29((index << 2) | 0b01);
      } else {
        traits.put(objectTraits, traits.size());
        int dynamic = objectTraits.dynamic() ? 0b1000 : 0;
        out.writeU29((objectTraits.sealed().size() << 4) | dynamic | 0b011);
        string(objectTraits.className());
        objectTraits.sealed().forEach(this::string);
      }
      if (objectTraits.dynamic()) {
        dynamicMembers(object.properties());
      } else {
        object.properties().values().forEach(this::value);
      }
    }

    private void dynamicMembers(Map<String, AmfValue> members) {
      members.forEach(
          (name, member) -> {
            string(name);
            value(member);
          });
      string("");
    }

    /** 1.3.2: the empty string always inline, any other a reference once written. */
    private void string(String value) {
      if (value.isEmpty()) {
        out.writeU29(1);
        return;
      }
      Integer index = strings.get(value);
      if (index != null) {
        out.writeU29(index << 1);
        return;
      }
      strings.put(value, strings.size());
      text(value);
    }

    /** UTF-8 with its length as an inline U29 header: strings, xml-doc and xml. */
    private void text(String value) {
      int length = AmfOutput.utf8Length(value);
      out.writeU29(inline(length));
      out.writeUtf8(value, length);
    }

    /** An inline U29 header: the low bit set, {@code size} above it. */
    private static int inline(int size) {
      if (size > AmfInteger.MAX) {
        throw new IllegalArgumentException("AMF3 size " + size + " exceeds 2^28-1");
      }
      return (size << 1) | 1;
    }

    private void marker(Amf3Marker marker) {
      out.writeByte(marker.code);
    }
  }
}
