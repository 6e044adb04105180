package io.onair.streaming.media.cmaf;

import static io.onair.streaming.media.cmaf.Box.box;
import static io.onair.streaming.media.cmaf.Box.fullBox;

import io.onair.streaming.media.cmaf.Box.Fields;
import java.nio.charset.StandardCharsets;

/**
 * The CMAF header of a track (ISO/IEC 23000-19 7.3.2.1): ftyp and a moov that describes one track
 * with empty sample tables and a mvex announcing that the samples come in movie fragments. HLS
 * names it in EXT-X-MAP, DASH in the SegmentTemplate's initialization attribute.
 *
 * <p>Every duration is 0: the moov holds no samples, and the length of a fragmented file would go
 * in a mehd (14496-12 8.8.2), which a live track, whose length nobody knows yet, leaves out.
 */
public final class InitSegment {

  /** The only track of a CMAF track file. */
  static final int TRACK_ID = 1;

  /** The movie timescale only scales durations that are all 0 here. */
  private static final int MOVIE_TIMESCALE = 1000;

  /** ISO 639-2/T "und" packed as three 5-bit letters minus 0x60 (14496-12 8.4.2.3). */
  private static final int LANGUAGE_UNDETERMINED = 0x55C4;

  private InitSegment() {}

  public static byte[] write(TrackFormat format) {
    return Box.concat(ftyp(), moov(format));
  }

  /**
   * ftyp (14496-12 4.3). Major brand cmfc, the CMAF structural brand every CMAF header carries
   * (23000-19 clause 7), also listed as compatible; iso6 because fragments use tfdt version 1 and
   * trun version 1 (signed composition offsets), which the iso6 brand covers. No 'dash': that brand
   * declares DASH's own segment formats, and a CMAF track is already what the DASH CMAF profile
   * asks for. No media profile brand (cfhd, caac, ...): those promise limits on profile, level and
   * frame rate that a source from an arbitrary encoder may break.
   */
  static byte[] ftyp() {
    return box("ftyp", new Fields().fourcc("cmfc").u32(0).fourcc("cmfc").fourcc("iso6").toBytes());
  }

  static byte[] moov(TrackFormat format) {
    return box("moov", mvhd(), trak(format), mvex());
  }

  /** mvhd (14496-12 8.2.2), version 0. */
  static byte[] mvhd() {
    return fullBox(
        "mvhd",
        0,
        0,
        new Fields()
            .u32(0) // creation_time
            .u32(0) // modification_time
            .u32(MOVIE_TIMESCALE)
            .u32(0) // duration
            .u32(0x00010000) // rate 1.0
            .u16(0x0100) // volume 1.0
            .zeros(10) // reserved
            .unityMatrix()
            .zeros(24) // pre_defined[6]
            .u32(TRACK_ID + 1) // next_track_ID
            .toBytes());
  }

  static byte[] trak(TrackFormat format) {
    return box("trak", tkhd(format), mdia(format));
  }

  /** tkhd (14496-12 8.3.2), version 0, flags track_enabled | track_in_movie. */
  static byte[] tkhd(TrackFormat format) {
    int[] size = pictureSize(format);
    return fullBox(
        "tkhd",
        0,
        0x000003,
        new Fields()
            .u32(0) // creation_time
            .u32(0) // modification_time
            .u32(TRACK_ID)
            .u32(0) // reserved
            .u32(0) // duration
            .zeros(8) // reserved[2]
            .u16(0) // layer
            .u16(0) // alternate_group
            .u16(format.isVideo() ? 0 : 0x0100) // volume
            .u16(0) // reserved
            .unityMatrix()
            .fixed16(size[0])
            .fixed16(size[1])
            .toBytes());
  }

  static byte[] mdia(TrackFormat format) {
    return box("mdia", mdhd(format), hdlr(format), minf(format));
  }

  /** mdhd (14496-12 8.4.2), version 0: the track's timescale. */
  static byte[] mdhd(TrackFormat format) {
    return fullBox(
        "mdhd",
        0,
        0,
        new Fields()
            .u32(0) // creation_time
            .u32(0) // modification_time
            .u32(format.timescale())
            .u32(0) // duration
            .u16(LANGUAGE_UNDETERMINED)
            .u16(0) // pre_defined
            .toBytes());
  }

  /** hdlr (14496-12 8.4.3): vide or soun, with a name some players show. */
  static byte[] hdlr(TrackFormat format) {
    return fullBox(
        "hdlr",
        0,
        0,
        new Fields()
            .u32(0) // pre_defined
            .fourcc(format.isVideo() ? "vide" : "soun")
            .zeros(12) // reserved[3]
            .bytes(format.isVideo() ? nulTerminated("VideoHandler") : nulTerminated("SoundHandler"))
            .toBytes());
  }

  static byte[] minf(TrackFormat format) {
    return box("minf", format.isVideo() ? vmhd() : smhd(), dinf(), stbl(format));
  }

  /** vmhd (14496-12 12.1.2): flags 1, copy graphics mode. */
  static byte[] vmhd() {
    return fullBox("vmhd", 0, 1, new Fields().u16(0).zeros(6).toBytes());
  }

  /** smhd (14496-12 12.2.2): centred balance. */
  static byte[] smhd() {
    return fullBox("smhd", 0, 0, new Fields().u16(0).u16(0).toBytes());
  }

  /** dinf/dref (14496-12 8.7.1, 8.7.2): one url entry with flag 1, the media is in this file. */
  static byte[] dinf() {
    byte[] url = fullBox("url ", 0, 1);
    return box("dinf", fullBox("dref", 0, 0, new Fields().u32(1).toBytes(), url));
  }

  /**
   * stbl (14496-12 8.5.1) with the sample entry and empty stts, stsc, stsz and stco: all samples
   * are in fragments (8.8.1).
   */
  static byte[] stbl(TrackFormat format) {
    byte[] noEntries = new Fields().u32(0).toBytes();
    return box(
        "stbl",
        fullBox("stsd", 0, 0, new Fields().u32(1).toBytes(), SampleEntries.of(format)),
        fullBox("stts", 0, 0, noEntries),
        fullBox("stsc", 0, 0, noEntries),
        fullBox("stsz", 0, 0, new Fields().u32(0).u32(0).toBytes()),
        fullBox("stco", 0, 0, noEntries));
  }

  /**
   * mvex/trex (14496-12 8.8.1, 8.8.3). The defaults are all 0: every fragment states its sample
   * durations, sizes and flags itself, so a fragment read on its own (an LL-HLS part) needs nothing
   * from here but the sample description index.
   */
  static byte[] mvex() {
    return box(
        "mvex",
        fullBox(
            "trex",
            0,
            0,
            new Fields()
                .u32(TRACK_ID)
                .u32(1) // default_sample_description_index
                .u32(0) // default_sample_duration
                .u32(0) // default_sample_size
                .u32(0) // default_sample_flags
                .toBytes()));
  }

  private static int[] pictureSize(TrackFormat format) {
    if (format instanceof TrackFormat.Avc avc) {
      return new int[] {avc.width(), avc.height()};
    }
    if (format instanceof TrackFormat.Hevc hevc) {
      return new int[] {hevc.width(), hevc.height()};
    }
    if (format instanceof TrackFormat.Av1 av1) {
      return new int[] {av1.width(), av1.height()};
    }
    return new int[] {0, 0};
  }

  private static byte[] nulTerminated(String name) {
    return new Fields().bytes(name.getBytes(StandardCharsets.US_ASCII)).u8(0).toBytes();
  }
}
