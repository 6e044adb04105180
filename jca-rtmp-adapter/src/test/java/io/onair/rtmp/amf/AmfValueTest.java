package io.onair.rtmp.amf;

import static io.onair.rtmp.amf.Amf0Vectors.num;
import static io.onair.rtmp.amf.Amf0Vectors.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmfValueTest {

  private final AmfObject connect =
      new AmfProperties()
          .put("app", "live")
          .put("objectEncoding", new AmfInteger(3))
          .put("videoFunction", 1)
          .put("fpad", false)
          .put("fourCcList", AmfStrictArray.of(str("av01")))
          .put("extra", new AmfProperties().put("k", "v").toObject())
          .toObject();

  @Test
  void accessorsReadMembersOfTheirType() {
    assertThat(connect.string("app")).contains("live");
    assertThat(connect.number("objectEncoding")).hasValue(3);
    assertThat(connect.number("videoFunction")).hasValue(1);
    assertThat(connect.bool("fpad")).contains(false);
    assertThat(connect.list("fourCcList")).contains(List.of(str("av01")));
    assertThat(connect.object("extra").flatMap(extra -> extra.string("k"))).contains("v");
  }

  @Test
  void accessorsAnswerEmptyForAMissingMemberOrAnotherType() {
    assertThat(connect.string("tcUrl")).isEmpty();
    assertThat(connect.string("videoFunction")).isEmpty();
    assertThat(connect.number("app")).isEmpty();
    assertThat(connect.number("missing")).isEmpty();
    assertThat(connect.bool("app")).isEmpty();
    assertThat(connect.object("app")).isEmpty();
    assertThat(connect.list("extra")).isEmpty();
  }

  @Test
  void valuesAnswerForTheirOwnType() {
    assertThat(str("connect").asString()).contains("connect");
    assertThat(num(1).asNumber()).hasValue(1);
    assertThat(AmfNull.INSTANCE.asNumber()).isEmpty();
    assertThat(AmfBoolean.TRUE.asBoolean()).contains(true);
    assertThat(connect.as(AmfObject.class)).containsSame(connect);
    assertThat(connect.as(AmfEcmaArray.class)).isEmpty();
  }

  @Test
  void membersKeepTheirOrderAndCannotBeChanged() {
    assertThat(connect.properties().keySet())
        .containsExactly("app", "objectEncoding", "videoFunction", "fpad", "fourCcList", "extra");
    assertThatThrownBy(() -> connect.properties().put("app", num(1)))
        .isInstanceOf(UnsupportedOperationException.class);
    Map<String, AmfValue> source = new HashMap<>(Map.of("a", num(1)));
    AmfEcmaArray array = new AmfEcmaArray(source);
    source.put("b", num(2));
    assertThat(array.properties()).containsOnlyKeys("a");
  }

  @Test
  void aByteArrayHoldsAndHandsOutCopies() {
    byte[] bytes = {1, 2};
    AmfByteArray array = new AmfByteArray(bytes);
    bytes[0] = 9;
    array.bytes()[1] = 9;
    assertThat(array).isEqualTo(new AmfByteArray(new byte[] {1, 2}));
    assertThat(array.toString()).isEqualTo("AmfByteArray[0102]");
  }

  @Test
  void anEmptyMemberNameIsRefused() {
    assertThatThrownBy(() -> new AmfProperties().put("", num(1)).toObject())
        .isExactlyInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIntegerOutside29BitsIsRefused() {
    assertThatThrownBy(() -> new AmfInteger(1 << 28))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("AMF3 integer 268435456 is outside [-268435456, 268435455]");
  }
}
