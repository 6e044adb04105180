package io.onair.rtmp.amf;

import io.onair.rtmp.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes AMF3 (Adobe "AMF 3 Specification", January 2013): whole AMF3 payloads, and the single
 * values that an AMF0 avmplus-object marker introduces (AMF0 3.1, AMF3 4.1).
 *
 * <p>Supported: undefined, null, false, true, integer, double, string, xml-doc, date, array (dense
 * and associative parts), object (inline and referenced traits, sealed and dynamic members), xml
 * and byte-array, with the string, object and traits reference tables (2.1, 3.8, 3.12), one set per
 * message. Refused: externalizable objects, whose body only the class itself can read, and vectors
 * and dictionaries (3.15, 3.16), which no encoder puts in an RTMP command.
 */
public final class Amf3Decoder extends AmfDecoder {

  private static final String FORMAT = "AMF3";

  public Amf3Decoder(AmfLimits limits) {
    super(limits);
  }

  @Override
  Message message(AmfInput in) {
    return new Amf3Message(in);
  }

  /** The reading of one message: its input and its three reference tables. */
  private final class Amf3Message implements Message {

    private final AmfInput in;
    private final ReferenceTable<String> strings;
    private final ReferenceTable<AmfValue> objects;
    private final ReferenceTable<Amf3Traits> traits;

    Amf3Message(AmfInput in) {
      this.in = in;
      this.strings = new ReferenceTable<>("AMF3 string", limits.maxElements());
      this.objects = new ReferenceTable<>("AMF3 object", limits.maxElements());
      this.traits = new ReferenceTable<>("AMF3 traits", limits.maxElements());
    }

    @Override
    public AmfValue value(int depth) {
      int code = in.u8("AMF3 marker");
      Amf3Marker marker = Amf3Marker.of(code);
      return switch (marker) {
        case UNDEFINED -> AmfUndefined.INSTANCE;
        case NULL -> AmfNull.INSTANCE;
        case FALSE -> AmfBoolean.FALSE;
        case TRUE -> AmfBoolean.TRUE;
        // 3.6: a 29-bit two's complement value; shifting it to the top and back extends the sign
        case INTEGER -> new AmfInteger((in.u29("AMF3 integer") << 3) >> 3);
        case DOUBLE -> new AmfNumber(in.f64("AMF3 double"));
        case STRING -> new AmfString(string());
        case XML_DOC, XML -> xml(marker);
        case DATE -> date();
        case ARRAY -> array(depth);
        case OBJECT -> object(depth);
        case BYTE_ARRAY -> byteArray();
        case VECTOR_INT, VECTOR_UINT, VECTOR_DOUBLE, VECTOR_OBJECT, DICTIONARY ->
            throw new ProtocolException(
                "AMF3 marker",
                Amf0Marker.hex(code),
                marker.specName + " is not supported: no RTMP command carries one");
      };
    }

    /**
     * 1.3.2 and 3.8: a U29 whose low bit tells an inline string (length above) from a reference
     * (index above). The empty string is never put in the table, nor referenced.
     */
    private String string() {
      int header = in.u29("AMF3 string header");
      if (isReference(header)) {
        return strings.get(header >>> 1);
      }
      if (header == 1) {
        return "";
      }
      int slot = strings.reserve();
      return strings.fill(
          slot, in.utf8("AMF3 string length", header >>> 1, limits.maxStringLength()));
    }

    /** 3.9 and 3.13: both XML types are UTF-8 text, but kept in the object table, not strings. */
    private AmfValue xml(Amf3Marker marker) {
      int header = in.u29("AMF3 " + marker.specName + " header");
      if (isReference(header)) {
        return objects.get(header >>> 1);
      }
      String field = "AMF3 " + marker.specName + " length";
      String xml = in.utf8(field, header >>> 1, limits.maxStringLength());
      return objects.add(marker == Amf3Marker.XML ? new AmfXml(xml) : new AmfXmlDocument(xml));
    }

    /** 3.10: the bits above the inline flag are unused. */
    private AmfValue date() {
      int header = in.u29("AMF3 date header");
      if (isReference(header)) {
        return objects.get(header >>> 1);
      }
      return objects.add(new AmfDate(in.f64("AMF3 date")));
    }

    private AmfValue byteArray() {
      int header = in.u29("AMF3 byte-array header");
      if (isReference(header)) {
        return objects.get(header >>> 1);
      }
      int length = in.declared("AMF3 byte-array length", header >>> 1, limits.maxStringLength());
      return objects.add(new AmfByteArray(in.bytes(length)));
    }

    /** 3.11: the dense count, the associative part up to the empty name, then the dense part. */
    private AmfValue array(int depth) {
      int header = in.u29("AMF3 array header");
      if (isReference(header)) {
        return objects.get(header >>> 1);
      }
      int denseCount = in.declared("AMF3 array dense count", header >>> 1, limits.maxElements());
      int inner = limits.deeper(FORMAT, depth);
      int slot = objects.reserve();
      Map<String, AmfValue> associative = new LinkedHashMap<>();
      dynamicMembers(associative, denseCount, inner);
      List<AmfValue> dense = new ArrayList<>(denseCount);
      for (int i = 0; i < denseCount; i++) {
        dense.add(value(inner));
      }
      AmfValue array;
      if (associative.isEmpty()) {
        array = new AmfStrictArray(dense);
      } else if (dense.isEmpty()) {
        array = new AmfEcmaArray(associative);
      } else {
        array = new AmfMixedArray(associative, dense);
      }
      return objects.fill(slot, array);
    }

    /** 3.12: traits (inline or referenced), the sealed values in order, then dynamic members. */
    private AmfValue object(int depth) {
      int header = in.u29("AMF3 object header");
      if (isReference(header)) {
        return objects.get(header >>> 1);
      }
      int inner = limits.deeper(FORMAT, depth);
      Amf3Traits objectTraits = traits(header);
      int slot = objects.reserve();
      Map<String, AmfValue> members = new LinkedHashMap<>();
      for (String name : objectTraits.sealed()) {
        members.put(name, value(inner));
      }
      if (objectTraits.dynamic()) {
        dynamicMembers(members, 0, inner);
      }
      String className = objectTraits.className();
      return objects.fill(slot, new AmfObject(className.isEmpty() ? null : className, members));
    }

    /**
     * The traits an object header announces: a reference when its second bit is clear, else inline,
     * with bit 3 for externalizable, bit 4 for dynamic and the sealed count above.
     */
    private Amf3Traits traits(int header) {
      if ((header & 0b10) == 0) {
        return traits.get(header >>> 2);
      }
      int sealedCount = in.declared("AMF3 sealed member count", header >>> 4, limits.maxElements());
      String className = string();
      if ((header & 0b100) != 0) {
        throw new ProtocolException(
            "AMF3 externalizable class",
            className,
            "not supported: only the class itself can read its body");
      }
      int slot = traits.reserve();
      List<String> sealed = new ArrayList<>(sealedCount);
      for (int i = 0; i < sealedCount; i++) {
        String name = string();
        // 3.12 allows it, but the empty name ends AMF0 and AMF3 dynamic member lists, so the value
        // model has no empty names, and no encoder sends one
        if (name.isEmpty()) {
          throw new ProtocolException("AMF3 sealed member name", "\"\"", "empty, not supported");
        }
        sealed.add(name);
      }
      return traits.fill(slot, new Amf3Traits(className, sealed, (header & 0b1000) != 0));
    }

    /** Name-value pairs up to the empty name, into {@code members}, which has {@code others}. */
    private void dynamicMembers(Map<String, AmfValue> members, int others, int depth) {
      for (String name = string(); !name.isEmpty(); name = string()) {
        limits.element("AMF3 member count", others + members.size() + 1);
        members.put(name, value(depth));
      }
    }
  }

  /** In every U29 header that can refer (2.1), a clear low bit means a reference. */
  private static boolean isReference(int header) {
    return (header & 1) == 0;
  }
}
