package io.onair.streaming.media.cmaf;

import java.nio.ByteBuffer;

/**
 * When a stored media segment starts and how long it lasts, read back from its movie fragments: the
 * decode side of {@link MediaSegment}, for the one caller that has a segment file but not its index
 * row (recovery after a crash).
 *
 * <p>The start is the first fragment's tfdt baseMediaDecodeTime (ISO/IEC 14496-12 8.8.12); the
 * duration is the sum of every fragment's sample durations, from trun (8.8.8) or, where a trun
 * leaves them out, tfhd's default_sample_duration (8.8.7). A segment is one CMAF fragment sent as
 * chunks (ISO/IEC 23000-19 7.3.2.3), so each later fragment must start where the one before it
 * ended; a file where they do not is refused rather than given a wrong duration. Only the fields
 * needed are read; every size is checked against what is left before it is used.
 *
 * @param start decode time of the first sample, in the track's timescale
 * @param duration sum of the sample durations, in the track's timescale
 */
public record SegmentTiming(long start, long duration) {

  private static final int MOOF = fourcc("moof");
  private static final int TRAF = fourcc("traf");
  private static final int TFHD = fourcc("tfhd");
  private static final int TFDT = fourcc("tfdt");
  private static final int TRUN = fourcc("trun");

  private static final int TFHD_BASE_DATA_OFFSET = 0x000001;
  private static final int TFHD_SAMPLE_DESCRIPTION_INDEX = 0x000002;
  private static final int TFHD_DEFAULT_SAMPLE_DURATION = 0x000008;
  private static final int TRUN_DATA_OFFSET = 0x000001;
  private static final int TRUN_FIRST_SAMPLE_FLAGS = 0x000004;
  private static final int TRUN_SAMPLE_DURATION = 0x000100;
  private static final int TRUN_SAMPLE_SIZE = 0x000200;
  private static final int TRUN_SAMPLE_FLAGS = 0x000400;
  private static final int TRUN_COMPOSITION_OFFSET = 0x000800;

  /** Reads the timing of a whole segment file: [styp] and one or more moof + mdat. */
  public static SegmentTiming of(byte[] segment) {
    ByteBuffer file = ByteBuffer.wrap(segment);
    Long start = null;
    long duration = 0;
    while (file.hasRemaining()) {
      ByteBuffer box = nextBox(file, "top-level box");
      if (type(box) != MOOF) {
        continue;
      }
      SegmentTiming fragment = fragment(body(box));
      if (start == null) {
        start = fragment.start();
      } else if (fragment.start() != start + duration) {
        throw new MediaFormatException(
            "tfdt baseMediaDecodeTime",
            fragment.start(),
            "must continue the segment at " + (start + duration));
      }
      duration = Math.addExact(duration, fragment.duration());
    }
    if (start == null || duration <= 0) {
      throw new MediaFormatException("moof", "missing or empty", "a segment needs a fragment");
    }
    return new SegmentTiming(start, duration);
  }

  /** The timing of one moof's only traf. */
  private static SegmentTiming fragment(ByteBuffer moof) {
    ByteBuffer traf = null;
    while (moof.hasRemaining()) {
      ByteBuffer box = nextBox(moof, "moof child");
      if (type(box) == TRAF) {
        if (traf != null) {
          throw new MediaFormatException("traf", "a second one", "a CMAF fragment has one track");
        }
        traf = body(box);
      }
    }
    if (traf == null) {
      throw new MediaFormatException("traf", "missing", "a moof needs one");
    }
    return trackFragment(traf);
  }

  private static SegmentTiming trackFragment(ByteBuffer traf) {
    long defaultDuration = -1;
    Long decodeTime = null;
    long duration = 0;
    while (traf.hasRemaining()) {
      ByteBuffer box = nextBox(traf, "traf child");
      int type = type(box);
      if (type == TFHD) {
        defaultDuration = defaultSampleDuration(body(box));
      } else if (type == TFDT) {
        decodeTime = baseMediaDecodeTime(body(box));
      } else if (type == TRUN) {
        duration = Math.addExact(duration, runDuration(body(box), defaultDuration));
      }
    }
    if (decodeTime == null) {
      throw new MediaFormatException("tfdt", "missing", "every fragment we write has one");
    }
    return new SegmentTiming(decodeTime, duration);
  }

  /** tfhd's default_sample_duration, or -1 when it has none. */
  private static long defaultSampleDuration(ByteBuffer tfhd) {
    int flags = versionAndFlags(tfhd, "tfhd") & 0xFFFFFF;
    skip(tfhd, 4, "tfhd track_ID");
    if ((flags & TFHD_BASE_DATA_OFFSET) != 0) {
      skip(tfhd, 8, "tfhd base_data_offset");
    }
    if ((flags & TFHD_SAMPLE_DESCRIPTION_INDEX) != 0) {
      skip(tfhd, 4, "tfhd sample_description_index");
    }
    return (flags & TFHD_DEFAULT_SAMPLE_DURATION) != 0
        ? u32(tfhd, "tfhd default_sample_duration")
        : -1;
  }

  private static long baseMediaDecodeTime(ByteBuffer tfdt) {
    int version = versionAndFlags(tfdt, "tfdt") >>> 24;
    if (version == 1) {
      need(tfdt, 8, "tfdt baseMediaDecodeTime");
      long time = tfdt.getLong();
      if (time < 0) {
        throw new MediaFormatException("tfdt baseMediaDecodeTime", time, "must be below 2^63");
      }
      return time;
    }
    return u32(tfdt, "tfdt baseMediaDecodeTime");
  }

  /** The sum of a trun's sample durations. */
  private static long runDuration(ByteBuffer trun, long defaultDuration) {
    int flags = versionAndFlags(trun, "trun") & 0xFFFFFF;
    long count = u32(trun, "trun sample_count");
    skip(trun, (flags & TRUN_DATA_OFFSET) != 0 ? 4 : 0, "trun data_offset");
    skip(trun, (flags & TRUN_FIRST_SAMPLE_FLAGS) != 0 ? 4 : 0, "trun first_sample_flags");
    if ((flags & TRUN_SAMPLE_DURATION) == 0) {
      if (defaultDuration < 0) {
        throw new MediaFormatException(
            "trun sample_duration", "absent", "and tfhd has no default_sample_duration");
      }
      return Math.multiplyExact(count, defaultDuration);
    }
    int entry = 4;
    for (int field : new int[] {TRUN_SAMPLE_SIZE, TRUN_SAMPLE_FLAGS, TRUN_COMPOSITION_OFFSET}) {
      entry += (flags & field) != 0 ? 4 : 0;
    }
    if (count > trun.remaining() / entry) {
      throw new MediaFormatException(
          "trun sample_count", count, "needs more than the " + trun.remaining() + " bytes left");
    }
    long sum = 0;
    for (long i = 0; i < count; i++) {
      sum += Integer.toUnsignedLong(trun.getInt());
      trun.position(trun.position() + entry - 4);
    }
    return sum;
  }

  /**
   * The next box of {@code parent} as a buffer over the whole box; {@code parent} moves past it.
   */
  private static ByteBuffer nextBox(ByteBuffer parent, String what) {
    need(parent, 8, what + " header");
    int start = parent.position();
    long size = Integer.toUnsignedLong(parent.getInt(start));
    int header = 8;
    if (size == 1) {
      need(parent, 16, what + " largesize");
      size = parent.getLong(start + 8);
      header = 16;
    } else if (size == 0) {
      size = parent.remaining(); // the box runs to the end of its container (8.2 / 4.2)
    }
    if (size < header || size > parent.remaining()) {
      throw new MediaFormatException(
          what + " size",
          size,
          "must be at least its header and at most the " + parent.remaining() + " bytes left");
    }
    ByteBuffer box = parent.slice(start, (int) size);
    box.position(header);
    parent.position(start + (int) size);
    return box;
  }

  private static int type(ByteBuffer box) {
    return box.getInt(4);
  }

  /** The box's contents after its header, as a buffer of their own. */
  private static ByteBuffer body(ByteBuffer box) {
    return box.slice(box.position(), box.remaining());
  }

  private static int versionAndFlags(ByteBuffer fullBox, String name) {
    need(fullBox, 4, name + " version and flags");
    return fullBox.getInt();
  }

  private static long u32(ByteBuffer buffer, String field) {
    need(buffer, 4, field);
    return Integer.toUnsignedLong(buffer.getInt());
  }

  private static void skip(ByteBuffer buffer, int length, String field) {
    need(buffer, length, field);
    buffer.position(buffer.position() + length);
  }

  private static void need(ByteBuffer buffer, int length, String field) {
    if (buffer.remaining() < length) {
      throw new MediaFormatException(
          field, length + " bytes", "only " + buffer.remaining() + " are left");
    }
  }

  private static int fourcc(String type) {
    return type.charAt(0) << 24 | type.charAt(1) << 16 | type.charAt(2) << 8 | type.charAt(3);
  }
}
