package io.onair.streaming.media.manifest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Wall-clock times as both formats want them: ISO 8601 in UTC with exactly three fraction digits
 * ({@code 2026-11-21T09:00:00.000Z}), valid as an RFC 8216 4.3.2.6 date-time and as an XML Schema
 * {@code xs:dateTime} (ISO/IEC 23009-1 {@code availabilityStartTime}, {@code publishTime}). Times
 * are truncated to the millisecond, never rounded up past the instant they describe.
 */
public final class UtcTimestamp {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private UtcTimestamp() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
