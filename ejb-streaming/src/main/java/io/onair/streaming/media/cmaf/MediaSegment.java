package io.onair.streaming.media.cmaf;

import static io.onair.streaming.media.cmaf.Box.box;
import static io.onair.streaming.media.cmaf.Box.fullBox;

import io.onair.streaming.media.cmaf.Box.Fields;
import java.util.List;

/**
 * Media segments and their parts. A part is one movie fragment, moof + mdat (ISO/IEC 14496-12
 * 8.8.4, 8.1.1): a CMAF chunk (ISO/IEC 23000-19 clause 7), served alone as an LL-HLS partial
 * segment. A segment is styp followed by its parts, byte for byte, so one stored file serves the
 * segment and, by byte range or from memory, each part.
 *
 * <p>Only the first part of a segment starts with styp. A styp marks the start of a segment
 * (14496-12 8.16.2), so one inside a segment would announce segments that are not there to DASH
 * clients reading the whole file; HLS clients and CMAF do not need it on a chunk, since every part
 * is played after the init segment, which carries the file's brands.
 *
 * <p>Each fragment is self-contained: tfhd uses default-base-is-moof (no absolute offsets, so the
 * part is valid wherever it is stored), tfdt says when its first sample decodes, and trun lists
 * every sample's duration and size.
 */
public final class MediaSegment {

  private static final int TFHD_DEFAULT_SAMPLE_FLAGS_PRESENT = 0x000020;
  private static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x020000;
  private static final int TRUN_DATA_OFFSET_PRESENT = 0x000001;
  private static final int TRUN_SAMPLE_DURATION_PRESENT = 0x000100;
  private static final int TRUN_SAMPLE_SIZE_PRESENT = 0x000200;
  private static final int TRUN_SAMPLE_FLAGS_PRESENT = 0x000400;
  private static final int TRUN_COMPOSITION_OFFSETS_PRESENT = 0x000800;

  /** sample_depends_on = 2: depends on no other sample, a sync sample (14496-12 8.8.3.1). */
  static final int SYNC_SAMPLE_FLAGS = 0x02000000;

  /** sample_depends_on = 1 and sample_is_non_sync_sample = 1. */
  static final int NON_SYNC_SAMPLE_FLAGS = 0x01010000;

  private static final int MDAT_HEADER = 8;

  private MediaSegment() {}

  /** A whole segment of one fragment: styp, moof, mdat. */
  public static byte[] write(long sequenceNumber, List<Sample> samples) {
    return Box.concat(styp(), fragment(sequenceNumber, samples));
  }

  /**
   * styp (14496-12 8.16.2): major brand cmfs, a CMAF segment; compatible cmfs, and cmff because the
   * segment is one CMAF fragment (it starts with a sync sample), delivered as chunks (23000-19
   * clause 7).
   */
  public static byte[] styp() {
    return box("styp", new Fields().fourcc("cmfs").u32(0).fourcc("cmfs").fourcc("cmff").toBytes());
  }

  /**
   * One movie fragment, moof + mdat, holding {@code samples} in decode order.
   *
   * @param sequenceNumber mfhd sequence_number: 1 for the track's first fragment, then one more for
   *     each fragment, parts included (14496-12 8.8.5)
   */
  public static byte[] fragment(long sequenceNumber, List<Sample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a fragment needs at least one sample");
    }
    if (sequenceNumber < 1 || sequenceNumber > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("mfhd sequence_number " + sequenceNumber);
    }
    int payload = 0;
    for (Sample sample : samples) {
      payload = Math.addExact(payload, sample.data().length);
    }
    int moofSize = moof(sequenceNumber, samples, 0).length;
    byte[] moof = moof(sequenceNumber, samples, moofSize + MDAT_HEADER);
    Fields out =
        new Fields(Math.addExact(moof.length, payload + MDAT_HEADER))
            .bytes(moof)
            .u32(Math.addExact(payload, MDAT_HEADER))
            .fourcc("mdat");
    for (Sample sample : samples) {
      out.bytes(sample.data());
    }
    return out.toBytes();
  }

  static byte[] moof(long sequenceNumber, List<Sample> samples, int dataOffset) {
    boolean uniform = allSyncWithoutOffsets(samples);
    return box(
        "moof",
        mfhd(sequenceNumber),
        box(
            "traf",
            tfhd(uniform),
            tfdt(samples.get(0).decodeTime()),
            trun(samples, dataOffset, !uniform)));
  }

  /** mfhd (14496-12 8.8.5). */
  static byte[] mfhd(long sequenceNumber) {
    return fullBox("mfhd", 0, 0, new Fields().u32(sequenceNumber).toBytes());
  }

  /**
   * tfhd (14496-12 8.8.7): default-base-is-moof, and for a run of sync samples without composition
   * offsets (every audio fragment) the sample flags once here instead of in every trun entry.
   */
  static byte[] tfhd(boolean defaultSyncFlags) {
    int flags = TFHD_DEFAULT_BASE_IS_MOOF;
    Fields fields = new Fields().u32(InitSegment.TRACK_ID);
    if (defaultSyncFlags) {
      flags |= TFHD_DEFAULT_SAMPLE_FLAGS_PRESENT;
      fields.u32(SYNC_SAMPLE_FLAGS);
    }
    return fullBox("tfhd", 0, flags, fields.toBytes());
  }

  /**
   * tfdt (14496-12 8.8.12), version 1: a 64-bit decode time, never wrapping in a long broadcast.
   */
  static byte[] tfdt(long baseMediaDecodeTime) {
    return fullBox("tfdt", 1, 0, new Fields().u64(baseMediaDecodeTime).toBytes());
  }

  /**
   * trun (14496-12 8.8.8), version 1 so composition offsets are signed: FLV's composition time is a
   * signed 24-bit field and encoders that shift B-frame streams to start at presentation time 0
   * send negative ones. CMAF allows either version (23000-19 7.5.17); version 0 would turn a
   * negative offset into one of four billion ticks.
   */
  static byte[] trun(List<Sample> samples, int dataOffset, boolean perSampleFlags) {
    int flags = TRUN_DATA_OFFSET_PRESENT | TRUN_SAMPLE_DURATION_PRESENT | TRUN_SAMPLE_SIZE_PRESENT;
    if (perSampleFlags) {
      flags |= TRUN_SAMPLE_FLAGS_PRESENT | TRUN_COMPOSITION_OFFSETS_PRESENT;
    }
    Fields fields = new Fields(8 + samples.size() * 16).u32(samples.size()).u32(dataOffset);
    for (Sample sample : samples) {
      fields.u32(sample.duration()).u32(sample.data().length);
      if (perSampleFlags) {
        fields
            .u32(sample.sync() ? SYNC_SAMPLE_FLAGS : NON_SYNC_SAMPLE_FLAGS)
            .u32(sample.compositionOffset());
      }
    }
    return fullBox("trun", 1, flags, fields.toBytes());
  }

  private static boolean allSyncWithoutOffsets(List<Sample> samples) {
    for (Sample sample : samples) {
      if (!sample.sync() || sample.compositionOffset() != 0) {
        return false;
      }
    }
    return true;
  }
}
