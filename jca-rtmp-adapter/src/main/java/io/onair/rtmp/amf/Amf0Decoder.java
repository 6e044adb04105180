package io.onair.rtmp.amf;

import io.onair.rtmp.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes AMF0 (Adobe "Action Message Format -- AMF 0", December 2007), the encoding of RTMP
 * command (type 20) and data (type 18) messages, and of AMF3 command messages (type 17) after their
 * leading 0x00.
 *
 * <p>Supported: every marker of section 2 but movieclip (2.6) and recordset (2.16), which the spec
 * reserves and no encoder sends; unsupported (2.15) decodes to {@link AmfUnsupported}. A reference
 * (2.9) resolves to the very instance decoded earlier in the same message. The avmplus-object
 * marker (3.1) switches to AMF3 for one value. That value gets AMF3 reference tables of its own:
 * the specs leave their scope open, and {@link Amf0Encoder} writes them the same way.
 */
public final class Amf0Decoder extends AmfDecoder {

  private static final String FORMAT = "AMF0";

  private final Amf3Decoder amf3;

  public Amf0Decoder(AmfLimits limits) {
    super(limits);
    this.amf3 = new Amf3Decoder(limits);
  }

  @Override
  Message message(AmfInput in) {
    return new Amf0Message(in);
  }

  /** The reading of one message: its input and its reference table. */
  private final class Amf0Message implements Message {

    private final AmfInput in;
    private final ReferenceTable<AmfValue> objects;

    Amf0Message(AmfInput in) {
      this.in = in;
      this.objects = new ReferenceTable<>("AMF0 object", limits.maxElements());
    }

    @Override
    public AmfValue value(int depth) {
      int code = in.u8("AMF0 marker");
      Amf0Marker marker = Amf0Marker.of(code);
      return switch (marker) {
        case NUMBER -> new AmfNumber(in.f64("AMF0 number"));
        case BOOLEAN -> AmfBoolean.of(in.u8("AMF0 boolean") != 0);
        case STRING -> new AmfString(shortText("AMF0 string length"));
        case OBJECT -> object(null, depth);
        case NULL -> AmfNull.INSTANCE;
        case UNDEFINED -> AmfUndefined.INSTANCE;
        case REFERENCE -> objects.get(in.u16("AMF0 reference"));
        case ECMA_ARRAY -> ecmaArray(depth);
        case STRICT_ARRAY -> strictArray(depth);
        case DATE -> date();
        case LONG_STRING -> new AmfString(longText("AMF0 long-string length"));
        case UNSUPPORTED -> AmfUnsupported.INSTANCE;
        case XML_DOCUMENT -> new AmfXmlDocument(longText("AMF0 xml-document length"));
        case TYPED_OBJECT -> object(shortText("AMF0 class-name length"), depth);
        case AVMPLUS_OBJECT -> amf3.message(in).value(depth);
        case MOVIECLIP, RECORDSET ->
            throw new ProtocolException(
                "AMF0 marker",
                Amf0Marker.hex(code),
                marker.specName + " is reserved, not supported");
        case OBJECT_END ->
            throw new ProtocolException(
                "AMF0 marker", Amf0Marker.hex(code), "object-end outside an object");
      };
    }

    private String shortText(String field) {
      return in.utf8(field, in.u16(field), limits.maxStringLength());
    }

    private String longText(String field) {
      return in.utf8(field, in.u32(field), limits.maxStringLength());
    }

    /** 2.5 and 2.18: an anonymous object, or a typed one when {@code className} is not null. */
    private AmfObject object(String className, int depth) {
      int inner = limits.deeper(FORMAT, depth);
      int slot = objects.reserve();
      return objects.fill(slot, new AmfObject(className, properties(inner)));
    }

    /**
     * 2.10. The associative-count is only a hint: encoders disagree on what it counts (some write
     * 0), so the members are read up to the object-end, as for an object, and bounded the same way.
     */
    private AmfEcmaArray ecmaArray(int depth) {
      in.u32("AMF0 ecma-array count");
      int inner = limits.deeper(FORMAT, depth);
      int slot = objects.reserve();
      return objects.fill(slot, new AmfEcmaArray(properties(inner)));
    }

    private AmfStrictArray strictArray(int depth) {
      long declared = in.u32("AMF0 strict-array count");
      int count = in.declared("AMF0 strict-array count", declared, limits.maxElements());
      int inner = limits.deeper(FORMAT, depth);
      int slot = objects.reserve();
      List<AmfValue> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(value(inner));
      }
      return objects.fill(slot, new AmfStrictArray(values));
    }

    /** 2.13: the time-zone that follows the milliseconds is reserved, and skipped. */
    private AmfDate date() {
      AmfDate date = new AmfDate(in.f64("AMF0 date"));
      in.skip("AMF0 date time-zone", 2);
      return date;
    }

    /** Name-value pairs up to the empty name and object-end marker (2.5, 2.11). */
    private Map<String, AmfValue> properties(int depth) {
      Map<String, AmfValue> properties = new LinkedHashMap<>();
      while (true) {
        String name = shortText("AMF0 property-name length");
        if (name.isEmpty()) {
          int end = in.u8("AMF0 object-end marker");
          if (end != Amf0Marker.OBJECT_END.code) {
            throw new ProtocolException(
                "AMF0 object-end marker", Amf0Marker.hex(end), "must follow an empty name");
          }
          return properties;
        }
        limits.element("AMF0 member count", properties.size() + 1);
        properties.put(name, value(depth));
      }
    }
  }
}
