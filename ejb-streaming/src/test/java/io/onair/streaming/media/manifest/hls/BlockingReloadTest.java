package io.onair.streaming.media.manifest.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.manifest.LiveSettings;
import io.onair.streaming.media.manifest.TrackFixture;
import io.onair.streaming.media.manifest.TrackTimeline;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The timeline: segments 0 to 10 complete, segment 11 open with parts 0 and 1. Default settings: 2
 * s segments and a 0.512 s part target, so 4 parts a segment and an Advance Part Limit of 3 / 0.512
 * = 5 parts (rfc8216bis 6.2.5.2).
 */
class BlockingReloadTest {

  private static final TrackTimeline LIVE = TrackFixture.video30().live(11, 2);
  private final BlockingReload reload = new BlockingReload(LiveSettings.defaults());

  private ReloadDecision decide(String msn, String part) {
    return reload.decide(msn, part, LIVE);
  }

  private static ReloadDecision.Wait waitFor(long msn, Integer part) {
    return new ReloadDecision.Wait(
        msn, part == null ? OptionalInt.empty() : OptionalInt.of(part), Duration.ofSeconds(6));
  }

  @Test
  void aRequestWithoutDirectivesIsAnsweredNow() {
    assertThat(decide(null, null)).isEqualTo(new ReloadDecision.Respond());
  }

  @Test
  void aPartWithoutAMediaSequenceNumberIsABadRequest() {
    assertThat(decide(null, "1")).isInstanceOf(ReloadDecision.Reject.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "+3", "1.0", "0x10", "abc", " 11", "1234567890123456789"})
  void aMediaSequenceNumberThatIsNotADecimalIntegerIsABadRequest(String msn) {
    assertThat(decide(msn, null)).isInstanceOf(ReloadDecision.Reject.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "x", "2147483648"})
  void aPartThatIsNotASmallDecimalIntegerIsABadRequest(String part) {
    assertThat(decide("11", part)).isInstanceOf(ReloadDecision.Reject.class);
  }

  @ParameterizedTest(name = "_HLS_msn={0} _HLS_part={1}: answered now")
  @CsvSource({"0,", "3,", "10,", "10, 0", "10, 3", "10, 7", "11, 0", "11, 1", "4, 9"})
  void aSegmentOrPartAlreadyInThePlaylistIsAnsweredNow(String msn, String part) {
    assertThat(decide(msn, part)).isEqualTo(new ReloadDecision.Respond());
  }

  @ParameterizedTest(name = "_HLS_msn={0} _HLS_part={1}: wait")
  @CsvSource({
    "11,, 11,", // the open segment, complete
    "12,, 12,", // the next segment: last complete (10) + 2
    "11, 2, 11, 2", // the next part
    "11, 6, 11, 6", // five parts past part 1: at the Advance Part Limit
    "12, 0, 12, 0", // part 0 of the next segment: parts 2, 3 of 11 and 0 of 12 = 3 ahead
    "12, 2, 12, 2" // 5 ahead
  })
  void aSegmentOrPartAboutToBePublishedIsWaitedFor(
      String msn, String part, long waitMsn, Integer waitPart) {
    assertThat(decide(msn, part)).isEqualTo(waitFor(waitMsn, waitPart));
  }

  @ParameterizedTest(name = "_HLS_msn={0} _HLS_part={1}: 400")
  @CsvSource({"13,", "13, 0", "100,", "11, 7", "12, 3"})
  void aRequestTooFarAheadIsABadRequest(String msn, String part) {
    assertThat(decide(msn, part)).isInstanceOf(ReloadDecision.Reject.class);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"0", "3"})
  void anEndedBroadcastIsAnsweredNowWhateverIsAsked(String part) {
    TrackTimeline ended = TrackFixture.video30().ended(11);
    assertThat(reload.decide("12", part, ended)).isEqualTo(new ReloadDecision.Respond());
    assertThat(reload.decide("500", part, ended)).isEqualTo(new ReloadDecision.Respond());
  }

  @Test
  void beforeTheFirstSegmentCompletesTheFirstSegmentIsWaitedFor() {
    TrackTimeline starting = TrackFixture.video30().live(0, 1);
    assertThat(reload.decide("0", null, starting)).isEqualTo(waitFor(0, null));
    assertThat(reload.decide("0", "0", starting)).isEqualTo(new ReloadDecision.Respond());
    assertThat(reload.decide("0", "1", starting)).isEqualTo(waitFor(0, 1));
    assertThat(reload.decide("2", null, starting)).isInstanceOf(ReloadDecision.Reject.class);
  }

  @Test
  void theWaitIsBoundedByThreeTargetDurations() {
    LiveSettings longSegments =
        new LiveSettings(
            Duration.ofMinutes(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4),
            Duration.ofSeconds(1));
    ReloadDecision decision = new BlockingReload(longSegments).decide("11", null, LIVE);
    assertThat(decision).isInstanceOf(ReloadDecision.Wait.class);
    assertThat(((ReloadDecision.Wait) decision).maxWait()).isEqualTo(Duration.ofSeconds(12));
  }
}
