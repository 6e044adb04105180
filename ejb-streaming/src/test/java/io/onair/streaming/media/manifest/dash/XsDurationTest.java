package io.onair.streaming.media.manifest.dash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Calendar;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XsDurationTest {

  @ParameterizedTest(name = "{0} ms -> {1}")
  @CsvSource({
    "0, PT0S",
    "500, PT0.5S",
    "2000, PT2S",
    "2006, PT2.006S",
    "6010, PT6.01S",
    "120000, PT2M",
    "150000, PT2M30S",
    "3600000, PT1H",
    "3604500, PT1H4.5S",
    "86400000, PT24H"
  })
  void durationsAreWrittenWithTheLargestUnitsAndMillisecondsAtMost(long millis, String text)
      throws Exception {
    assertThat(XsDuration.formatMillis(millis)).isEqualTo(text);
    // and an XML Schema parser reads the same length back
    GregorianCalendar epoch = new GregorianCalendar(2026, Calendar.JANUARY, 1);
    assertThat(DatatypeFactory.newInstance().newDuration(text).getTimeInMillis(epoch))
        .isEqualTo(millis);
  }

  @Test
  void negativeDurationsAreRefused() {
    assertThatThrownBy(() -> XsDuration.formatMillis(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
