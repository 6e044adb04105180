package io.onair.rtmp.command;

import io.onair.rtmp.amf.AnnotatedHex;

/**
 * What GStreamer's rtmp2sink (1.22, Debian 12) sent to this server when publishing to
 * rtmp://127.0.0.1:11937/live/KEY, captured on the wire and written out one chunk per constant;
 * only the stream key is replaced, by one of the same length. rtmp2sink writes each command in a
 * single chunk on chunk stream 3, the later ones with type 1 headers that reuse the stream id
 * before them.
 */
final class Rtmp2sinkCapture {

  static final String KEY = "sk_rtmp2sink-capture-not-a-real-stream-key-000";

  private Rtmp2sinkCapture() {}

  /** Its own connect properties: no objectEncoding, no capabilities, a Linux Flash version. */
  static final byte[] CONNECT =
      AnnotatedHex.parse(
          """
          03  000000 000076 14 00000000          # fmt 0, csid 3, 118 bytes, command, stream 0
          02 0007 'connect'  00 3ff0000000000000 # transaction 1
          03 0003 'app'      02 0004 'live'
             0004 'type'     02 000a 'nonprivate'
             0008 'flashVer' 02 000e 'LNX 10,0,32,18'
             0005 'tcUrl'    02 001b 'rtmp://127.0.0.1:11937/live'
             000009
          """);

  static final byte[] WINDOW_ACKNOWLEDGEMENT_SIZE =
      AnnotatedHex.parse("02  000000 000004 05 00000000  002625a0 # 2,500,000, echoing ours");

  /** releaseStream and FCPublish with transaction 0: rtmp2sink waits for no answer to either. */
  static final byte[] RELEASE_STREAM_AND_FC_PUBLISH =
      AnnotatedHex.parse(
          """
          43  000000 00004b 14                   # fmt 1: 75 bytes on stream 0
          02 000d 'releaseStream'  00 0000000000000000  05
          02 002e 'sk_rtmp2sink-capture-not-a-real-stream-key-000'
          43  000000 000047 14                   # 71 bytes
          02 0009 'FCPublish'  00 0000000000000000  05
          02 002e 'sk_rtmp2sink-capture-not-a-real-stream-key-000'
          """);

  static final byte[] CREATE_STREAM =
      AnnotatedHex.parse(
          """
          43  000000 000019 14
          02 000c 'createStream'  00 4000000000000000  05 # transaction 2
          """);

  static final byte[] PUBLISH =
      AnnotatedHex.parse(
          """
          03  000000 00004c 14 01000000          # fmt 0: stream 1
          02 0007 'publish'  00 0000000000000000  05
          02 002e 'sk_rtmp2sink-capture-not-a-real-stream-key-000'
          02 0004 'live'
          """);

  /**
   * Its stop commands at the end of the stream (the element's default stop-commands): both on
   * stream 0, both with transaction 0, and both naming the stream by the name it publishes, the
   * deleteStream included, where RTMP 1.0 7.2.2.3 and ffmpeg put the stream's id.
   */
  static final byte[] FC_UNPUBLISH_AND_DELETE_STREAM =
      AnnotatedHex.parse(
          """
          03  000000 000049 14 00000000          # fmt 0: stream 0 again
          02 000b 'FCUnpublish'  00 0000000000000000  05
          02 002e 'sk_rtmp2sink-capture-not-a-real-stream-key-000'
          43  000000 00004a 14
          02 000c 'deleteStream'  00 0000000000000000  05
          02 002e 'sk_rtmp2sink-capture-not-a-real-stream-key-000'
          """);
}
