package io.onair.rtmp.flv;

/** What a media tag carries. */
public enum FrameKind {
  /** Decoder configuration: avcC, hvcC, av1C, vpcC, AudioSpecificConfig, OpusHead... */
  SEQUENCE_START,
  /** A frame a decoder can start from. Every audio frame counts as one. */
  KEY_FRAME,
  /** A frame that needs earlier ones. */
  INTER_FRAME,
  /** The end of a coded sequence. */
  SEQUENCE_END,
  /**
   * Something a media server passes on but does not package: HDR metadata, video command frames,
   * multitrack and ModEx packets, codecs we do not know.
   */
  OTHER
}
