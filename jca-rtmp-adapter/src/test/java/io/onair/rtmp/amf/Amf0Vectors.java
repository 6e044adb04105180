package io.onair.rtmp.amf;

import static io.onair.rtmp.amf.AmfVector.both;
import static io.onair.rtmp.amf.AmfVector.decodeOnly;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** AMF0 messages written out by hand from the spec, and what they mean. */
final class Amf0Vectors {

  private Amf0Vectors() {}

  static final String UNICODE = "\u00e9\u20ac\ud83d\ude00"; // 2, 3 and 4 UTF-8 bytes

  static List<AmfVector> all() {
    return Stream.of(scalars(), containers(), switchesToAmf3(), peerForms())
        .flatMap(List::stream)
        .toList();
  }

  private static List<AmfVector> scalars() {
    return List.of(
        both("number 0", "00 0000000000000000", num(0)),
        both("number 1.5", "00 3FF8000000000000", num(1.5)),
        both("number -0.0 keeps its sign", "00 8000000000000000", num(-0.0)),
        both("booleans", "01 01  01 00", AmfBoolean.TRUE, AmfBoolean.FALSE),
        both("empty string", "02 0000", AmfString.EMPTY),
        both("string", "02 0004 'live'", str("live")),
        both("UTF-8 string", "02 0009 C3A9 E282AC F09F9880", str(UNICODE)),
        both(
            "null, undefined, unsupported",
            "05 06 0D",
            nul(),
            AmfUndefined.INSTANCE,
            AmfUnsupported.INSTANCE),
        both(
            "date",
            "0B 4278CC251F400000 0000  # 2024-01-01T00:00:00Z",
            new AmfDate(1704067200000.0)),
        both("XML document", "0F 00000008 '<a>b</a>'", new AmfXmlDocument("<a>b</a>")),
        both(
            "long string of 65536 bytes",
            "0C 00010000 '" + "a".repeat(65_536) + "'",
            str("a".repeat(65_536))));
  }

  private static List<AmfVector> containers() {
    return List.of(
        both(
            "typed object",
            """
            10 0009 'com.Point'
              0001 'x' 00 3FF0000000000000
              0001 'y' 00 4000000000000000
            0000 09
            """,
            new AmfProperties().put("x", 1).put("y", 2).toTypedObject("com.Point")),
        both(
            "nested objects",
            """
            03 0001 'a'
              03 0001 'b'
                03 0001 'c' 01 01
                0000 09
              0000 09
            0000 09
            """,
            obj("a", obj("b", obj("c", AmfBoolean.TRUE)))),
        both("empty object", "03 0000 09", new AmfProperties().toObject()),
        both("empty ECMA array", "08 00000000 0000 09", new AmfProperties().toEcmaArray()),
        both("empty strict array", "0A 00000000", AmfStrictArray.of()),
        both(
            "strict array of mixed values",
            "0A 00000003  00 3FF0000000000000  05  02 0001 'x'",
            AmfStrictArray.of(num(1), nul(), str("x"))),
        connect(),
        onMetaData(),
        onStatus(),
        referenceInsideArray(),
        referenceAcrossValues());
  }

  private static List<AmfVector> switchesToAmf3() {
    return List.of(
        both(
            "avmplus-object: AMF3 byte-array",
            "11 0C 07 010203",
            new AmfByteArray(new byte[] {1, 2, 3})),
        both("avmplus-object: AMF3 xml", "11 0B 09 '<x/>'", new AmfXml("<x/>")),
        both(
            "avmplus-object: AMF3 array with both parts",
            "11 09 03 03 'k' 06 03 'v' 01 04 05",
            new AmfMixedArray(Map.of("k", str("v")), List.of(new AmfInteger(5)))),
        decodeOnly(
            "avmplus-object: AMF3 anonymous object",
            "11 0A 0B 01 03 'a' 04 01 01",
            obj("a", new AmfInteger(1))),
        decodeOnly("avmplus-object: AMF3 integer", "11 04 7F", new AmfInteger(127)));
  }

  /** Forms peers send that the encoder writes otherwise. */
  private static List<AmfVector> peerForms() {
    return List.of(
        decodeOnly("long string that would fit a string", "0C 00000002 'hi'", str("hi")),
        decodeOnly(
            "date with a time-zone, which is ignored",
            "0B 4278CC251F400000 FE20",
            new AmfDate(1704067200000.0)),
        decodeOnly(
            "ECMA array whose count says 0",
            "08 00000000 0001 'a' 05 0000 09",
            new AmfProperties().put("a", nul()).toEcmaArray()),
        decodeOnly("boolean true as any non-zero byte", "01 7F", AmfBoolean.TRUE));
  }

  /** What ffmpeg and OBS send first: the connect command, with Enhanced RTMP's fourCcList. */
  private static AmfVector connect() {
    return both(
        "connect command",
        """
        02 0007 'connect'
        00 3FF0000000000000                       # transaction id 1
        03
          0003 'app'            02 0004 'live'
          0004 'type'           02 000A 'nonprivate'
          0008 'flashVer'       02 001F 'FMLE/3.0 (compatible; FMSc/1.0)'
          0005 'tcUrl'          02 0015 'rtmp://localhost/live'
          000A 'fourCcList'     0A 00000003 02 0004 'av01' 02 0004 'vp09' 02 0004 'hvc1'
          000E 'objectEncoding' 00 0000000000000000
        0000 09
        """,
        str("connect"),
        num(1),
        new AmfProperties()
            .put("app", "live")
            .put("type", "nonprivate")
            .put("flashVer", "FMLE/3.0 (compatible; FMSc/1.0)")
            .put("tcUrl", "rtmp://localhost/live")
            .put("fourCcList", AmfStrictArray.of(str("av01"), str("vp09"), str("hvc1")))
            .put("objectEncoding", 0)
            .toObject());
  }

  private static AmfVector onMetaData() {
    return both(
        "@setDataFrame onMetaData",
        """
        02 000D '@setDataFrame'
        02 000A 'onMetaData'
        08 00000005
          0005 'width'        00 4094000000000000     # 1280
          0006 'height'       00 4086800000000000     # 720
          000C 'videocodecid' 00 401C000000000000     # 7, AVC
          0009 'framerate'    00 403E000000000000     # 30
          0007 'encoder'      02 0029 'obs-output module (libobs version 30.0.2)'
        0000 09
        """,
        str("@setDataFrame"),
        str("onMetaData"),
        new AmfProperties()
            .put("width", 1280)
            .put("height", 720)
            .put("videocodecid", 7)
            .put("framerate", 30)
            .put("encoder", "obs-output module (libobs version 30.0.2)")
            .toEcmaArray());
  }

  private static AmfVector onStatus() {
    return both(
        "onStatus NetStream.Publish.Start",
        """
        02 0008 'onStatus'
        00 0000000000000000                       # transaction id 0
        05                                        # no command object
        03
          0005 'level'       02 0006 'status'
          0004 'code'        02 0017 'NetStream.Publish.Start'
          000B 'description' 02 0010 'Start publishing'
        0000 09
        """,
        str("onStatus"),
        num(0),
        nul(),
        new AmfProperties()
            .put("level", "status")
            .put("code", "NetStream.Publish.Start")
            .put("description", "Start publishing")
            .toObject());
  }

  /** The array takes index 0 before its elements, so the object is 1. */
  private static AmfVector referenceInsideArray() {
    AmfObject shared = obj("a", num(1));
    return both(
        "reference to an object inside an array",
        """
        0A 00000002
          03 0001 'a' 00 3FF0000000000000 0000 09
          07 0001
        """,
        AmfStrictArray.of(shared, shared));
  }

  private static AmfVector referenceAcrossValues() {
    AmfEcmaArray shared = new AmfProperties().put("k", nul()).toEcmaArray();
    return both(
        "reference to an earlier value of the message",
        "08 00000001 0001 'k' 05 0000 09  07 0000",
        shared,
        shared);
  }

  static AmfNumber num(double value) {
    return new AmfNumber(value);
  }

  static AmfString str(String value) {
    return new AmfString(value);
  }

  static AmfNull nul() {
    return AmfNull.INSTANCE;
  }

  static AmfObject obj(String name, AmfValue value) {
    return new AmfProperties().put(name, value).toObject();
  }
}
