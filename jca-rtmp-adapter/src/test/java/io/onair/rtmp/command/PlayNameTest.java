package io.onair.rtmp.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlayNameTest {

  @Test
  void theChannelIsTheNameBeforeTheQueryAndTheTokenIsItsParameter() {
    assertThat(PlayName.parse("town-hall?token=vt_abc"))
        .isEqualTo(new PlayName("town-hall", Optional.of("vt_abc")));
    assertThat(PlayName.parse("town-hall?x=1&token=vt_abc&y=2").token()).contains("vt_abc");
    assertThat(PlayName.parse("town-hall")).isEqualTo(new PlayName("town-hall", Optional.empty()));
    assertThat(PlayName.parse("town-hall?other=1").token()).isEmpty();
  }

  @Test
  void theTokenIsPercentDecodedAndAMalformedOneIsNone() {
    assertThat(PlayName.token("rtmp://h/live?token=vt%5Fabc")).contains("vt_abc");
    assertThat(PlayName.token("rtmp://h/live?token=%zz")).isEmpty();
    assertThat(PlayName.token("rtmp://h/live")).isEmpty();
  }
}
