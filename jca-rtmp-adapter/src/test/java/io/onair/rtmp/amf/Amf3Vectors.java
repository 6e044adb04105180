package io.onair.rtmp.amf;

import static io.onair.rtmp.amf.Amf0Vectors.num;
import static io.onair.rtmp.amf.Amf0Vectors.obj;
import static io.onair.rtmp.amf.Amf0Vectors.str;
import static io.onair.rtmp.amf.AmfVector.both;
import static io.onair.rtmp.amf.AmfVector.decodeOnly;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** AMF3 messages written out by hand from the spec, and what they mean. */
final class Amf3Vectors {

  private Amf3Vectors() {}

  static List<AmfVector> all() {
    return Stream.of(scalars(), arrays(), objects(), peerForms()).flatMap(List::stream).toList();
  }

  private static List<AmfVector> scalars() {
    return List.of(
        both(
            "undefined, null, false, true",
            "00 01 02 03",
            AmfUndefined.INSTANCE,
            AmfNull.INSTANCE,
            AmfBoolean.FALSE,
            AmfBoolean.TRUE),
        integer("04 00", 0),
        integer("04 7F", 127),
        integer("04 81 00", 128),
        integer("04 FF 7F", 16_383),
        integer("04 81 80 00", 16_384),
        integer("04 FF FF 7F", 2_097_151),
        integer("04 80 C0 80 00", 2_097_152),
        integer("04 BF FF FF FF", (1 << 28) - 1),
        integer("04 FF FF FF FF", -1),
        integer("04 C0 80 80 00", -(1 << 28)),
        both("double 1.5", "05 3FF8000000000000", num(1.5)),
        both("double 2^28, past the integer range", "05 41B0000000000000", num(1 << 28)),
        both("empty string, never referenced", "06 01  06 01", AmfString.EMPTY, AmfString.EMPTY),
        both("string, then a reference to it", "06 09 'live'  06 00", str("live"), str("live")),
        both("UTF-8 string", "06 13 C3A9 E282AC F09F9880", str(Amf0Vectors.UNICODE)),
        both("xml-doc", "07 11 '<a>b</a>'", new AmfXmlDocument("<a>b</a>")),
        both("xml", "0B 09 '<x/>'", new AmfXml("<x/>")),
        dateAndReference(),
        both(
            "byte-arrays",
            "0C 07 010203  0C 01",
            new AmfByteArray(new byte[] {1, 2, 3}),
            new AmfByteArray(new byte[0])));
  }

  private static List<AmfVector> arrays() {
    return List.of(
        both("empty array", "09 01 01", AmfStrictArray.of()),
        both(
            "dense array",
            "09 07 01  04 01  04 02  04 03",
            AmfStrictArray.of(new AmfInteger(1), new AmfInteger(2), new AmfInteger(3))),
        both(
            "associative array",
            "09 01  03 'a' 04 01  01",
            new AmfProperties().put("a", new AmfInteger(1)).toEcmaArray()),
        both(
            "array with both parts",
            "09 03  03 'k' 06 03 'v'  01  04 05",
            new AmfMixedArray(Map.of("k", str("v")), List.of(new AmfInteger(5)))));
  }

  private static List<AmfVector> objects() {
    return List.of(
        both("anonymous object", "0A 0B 01  03 'a' 04 01  01", obj("a", new AmfInteger(1))),
        both(
            "second anonymous object: traits and name by reference",
            """
            0A 0B 01  03 'a' 04 01  01    # traits inline: dynamic, class ""
            0A 01     00 04 02      01    # traits 0, name "a" is string 0
            """,
            obj("a", new AmfInteger(1)),
            obj("a", new AmfInteger(2))),
        objectReference(),
        both(
            "nested anonymous objects",
            """
            0A 0B 01  03 'a'
              0A 01  03 'b'
                0A 01  00 04 01  01       # "a" again, by reference
              01
            01
            """,
            obj("a", obj("b", obj("a", new AmfInteger(1))))),
        typedObjects(),
        connectObject());
  }

  /** Forms peers send that the encoder writes otherwise. */
  private static List<AmfVector> peerForms() {
    return List.of(
        decodeOnly("string sent twice inline", "06 03 'a'  06 03 'a'", str("a"), str("a")),
        decodeOnly("integer 1 in a longer U29 form", "04 80 01", new AmfInteger(1)),
        decodeOnly(
            "anonymous object with a sealed member",
            "0A 13 01 03 'x'  04 01",
            obj("x", new AmfInteger(1))),
        decodeOnly(
            "typed object with sealed and dynamic members",
            "0A 1B 0B 'Point' 03 'x'  04 01  03 'z' 04 09  01",
            new AmfProperties()
                .put("x", new AmfInteger(1))
                .put("z", new AmfInteger(9))
                .toTypedObject("Point")));
  }

  private static AmfVector integer(String hex, int value) {
    return both("integer " + value, hex, new AmfInteger(value));
  }

  private static AmfVector dateAndReference() {
    AmfDate date = new AmfDate(1704067200000.0);
    return both("date, then a reference to it", "08 01 4278CC251F400000  08 00", date, date);
  }

  private static AmfVector objectReference() {
    AmfObject shared = obj("a", new AmfInteger(1));
    return both(
        "object, then a reference to it", "0A 0B 01 03 'a' 04 01 01  0A 00", shared, shared);
  }

  private static AmfVector typedObjects() {
    return both(
        "typed objects: sealed traits, then a traits reference",
        """
        0A 23 0B 'Point' 03 'x' 03 'y'  04 01 04 02   # 2 sealed, not dynamic
        0A 01                           04 03 04 04   # traits 0
        """,
        point(1, 2),
        point(3, 4));
  }

  private static AmfObject point(int x, int y) {
    return new AmfProperties()
        .put("x", new AmfInteger(x))
        .put("y", new AmfInteger(y))
        .toTypedObject("Point");
  }

  /** A connect command object as a Flash client with objectEncoding 3 would write it. */
  private static AmfVector connectObject() {
    return both(
        "connect command object",
        """
        0A 0B 01
          07 'app'            06 09 'live'
          11 'flashVer'       06 3F 'FMLE/3.0 (compatible; FMSc/1.0)'
          0B 'tcUrl'          06 2B 'rtmp://localhost/live'
          15 'fourCcList'     09 07 01  06 09 'av01'  06 09 'vp09'  06 09 'hvc1'
          1D 'objectEncoding' 04 03
          02                  06 02               # name and value "live": string 1
        01
        """,
        new AmfProperties()
            .put("app", "live")
            .put("flashVer", "FMLE/3.0 (compatible; FMSc/1.0)")
            .put("tcUrl", "rtmp://localhost/live")
            .put("fourCcList", AmfStrictArray.of(str("av01"), str("vp09"), str("hvc1")))
            .put("objectEncoding", new AmfInteger(3))
            .put("live", "live")
            .toObject());
  }
}
