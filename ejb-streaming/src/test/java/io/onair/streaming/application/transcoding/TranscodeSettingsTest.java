package io.onair.streaming.application.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.media.transcode.LadderSyntax;
import io.onair.streaming.media.transcode.TranscodeLadder;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings' defaults and checks, with the values given as the configuration would. */
class TranscodeSettingsTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private static TranscodeSettings settings(
      Optional<String> ladder, Optional<Integer> maxConcurrent, Optional<String> workDir) {
    return new TranscodeSettings(
        ladder,
        maxConcurrent,
        Duration.ofSeconds(15),
        SECOND,
        Duration.ofSeconds(30),
        workDir,
        8,
        "/tmp");
  }

  private static TranscodeSettings defaults() {
    return settings(Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void withNothingConfiguredTheDefaultLadderIsTranscodedOnHalfTheProcessors() {
    TranscodeSettings settings = defaults();

    assertThat(settings.ladder()).isEqualTo(TranscodeLadder.DEFAULT);
    assertThat(settings.maxConcurrent()).isEqualTo(4);
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.stallTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.workDir()).isEqualTo(Path.of("/tmp"));
  }

  @Test
  void aConfiguredLadderIsRead() {
    TranscodeSettings settings =
        settings(
            Optional.of("540p:960x540@2000k;270p:480x270@400k"),
            Optional.empty(),
            Optional.empty());

    assertThat(LadderSyntax.format(settings.ladder()))
        .startsWith("540p:960x540@2000k,fps=source")
        .contains(";270p:480x270@400k");
  }

  @Test
  void ladderNoneTurnsTranscodingOff() {
    TranscodeSettings settings = settings(Optional.of("none"), Optional.empty(), Optional.empty());

    assertThat(settings.ladder().rungs()).isEmpty();
    assertThat(settings.enabled()).isFalse();
  }

  @Test
  void anInvalidLadderFailsTheDeploymentNamingTheSettingAndTheRung() {
    assertThatThrownBy(
            () -> settings(Optional.of("720p:1280x720@3000"), Optional.empty(), Optional.empty()))
        .isInstanceOf(DeploymentException.class)
        .hasMessageStartingWith("onair.transcode.ladder: rung 1 '720p:1280x720@3000': ")
        .hasMessageContaining("k (kbit/s) or M (Mbit/s)");
  }

  @ParameterizedTest(name = "{0} processors: {1}")
  @CsvSource({"1, 1", "2, 1", "3, 1", "4, 2", "16, 8"})
  void theDefaultConcurrencyIsHalfTheProcessorsAndAtLeastOne(int processors, int expected) {
    assertThat(TranscodeSettings.maxConcurrent(Optional.empty(), processors)).isEqualTo(expected);
  }

  @Test
  void maxConcurrentZeroTurnsTranscodingOff() {
    TranscodeSettings settings = settings(Optional.empty(), Optional.of(0), Optional.empty());

    assertThat(settings.maxConcurrent()).isZero();
    assertThat(settings.enabled()).isFalse();
  }

  @Test
  void aNegativeMaxConcurrentFailsTheDeployment() {
    assertThatThrownBy(() -> settings(Optional.empty(), Optional.of(-1), Optional.empty()))
        .isInstanceOf(DeploymentException.class)
        .hasMessage("onair.transcode.max-concurrent must be 0 (off) or more, was -1");
  }

  @Test
  void durationsMustBeAboveZero() {
    assertThatThrownBy(
            () ->
                new TranscodeSettings(
                    Optional.empty(),
                    Optional.empty(),
                    Duration.ZERO,
                    SECOND,
                    SECOND,
                    Optional.empty(),
                    8,
                    "/tmp"))
        .isInstanceOf(DeploymentException.class)
        .hasMessage("onair.transcode.stall-timeout must be above zero, was PT0S");
    assertThatThrownBy(
            () ->
                new TranscodeSettings(
                    Optional.empty(),
                    Optional.empty(),
                    SECOND,
                    Duration.ofSeconds(-1),
                    SECOND,
                    Optional.empty(),
                    8,
                    "/tmp"))
        .hasMessage("onair.transcode.restart-backoff must be above zero, was PT-1S");
  }

  @Test
  void theBackoffMaximumMustNotBeBelowItsStart() {
    assertThatThrownBy(
            () ->
                new TranscodeSettings(
                    Optional.empty(),
                    Optional.empty(),
                    SECOND,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(5),
                    Optional.empty(),
                    8,
                    "/tmp"))
        .isInstanceOf(DeploymentException.class)
        .hasMessage(
            "onair.transcode.restart-backoff-max PT5S is below onair.transcode.restart-backoff"
                + " PT10S");
  }

  @Test
  void theRestartDelayDoublesFromTheBackoffUpToItsMaximum() {
    TranscodeSettings settings = defaults();

    assertThat(
            java.util.stream.IntStream.rangeClosed(1, 8)
                .mapToObj(settings::restartDelay)
                .map(Duration::toSeconds))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    assertThat(settings.restartDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> settings.restartDelay(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWorkDirectoryDefaultsToTheTemporaryDirectory() {
    assertThat(TranscodeSettings.workDir(Optional.empty(), "/var/tmp/"))
        .isEqualTo(Path.of("/var/tmp"));
  }

  @Test
  void aTemporaryDirectoryTooLongForSocketsGivesWayToTmp() {
    String macOs = "/var/folders/zz/zyxvpxvq6csfxvn_n0000000000000/T/";

    assertThat(TranscodeSettings.workDir(Optional.empty(), macOs)).isEqualTo(Path.of("/tmp"));
  }

  @Test
  void aConfiguredWorkDirectoryIsUsedAsItIs() {
    assertThat(TranscodeSettings.workDir(Optional.of("/run/onair"), "/tmp"))
        .isEqualTo(Path.of("/run/onair"));
  }

  @Test
  void aConfiguredWorkDirectoryTooLongForSocketsFailsTheDeployment() {
    String deep = "/srv/onair/instances/production-cluster-1/transcoding";

    assertThatThrownBy(() -> TranscodeSettings.workDir(Optional.of(deep), "/tmp"))
        .isInstanceOf(DeploymentException.class)
        .hasMessageStartingWith("onair.transcode.work-dir " + deep + ": too long");
  }

  @Test
  void aRelativeWorkDirectoryFailsTheDeployment() {
    assertThatThrownBy(() -> TranscodeSettings.workDir(Optional.of("work"), "/tmp"))
        .isInstanceOf(DeploymentException.class)
        .hasMessage("onair.transcode.work-dir work: not an absolute path");
  }
}
