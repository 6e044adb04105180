package io.onair.rtmp.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import org.junit.jupiter.api.Test;

class RtmpActivationSpecTest {

  @Test
  void theDefaultApplicationIsLive() {
    assertThatCode(() -> RtmpActivationSpec.from(new RtmpActivationSpec()))
        .doesNotThrowAnyException();
    assertThat(new RtmpActivationSpec().getApplication()).isEqualTo("live");
  }

  @Test
  void anApplicationNameWithASlashIsRefusedNamingTheProperty() {
    RtmpActivationSpec spec = new RtmpActivationSpec();
    spec.setApplication("live/x");
    assertThatThrownBy(spec::validate)
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("application")
        .hasMessageContaining("live/x")
        .satisfies(
            e ->
                assertThat(
                        ((InvalidPropertyException) e).getInvalidPropertyDescriptors()[0].getName())
                    .isEqualTo("application"));
  }

  @Test
  void aBlankApplicationIsRefused() {
    RtmpActivationSpec spec = new RtmpActivationSpec();
    spec.setApplication("");
    assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class);
  }

  @Test
  void aForeignActivationSpecIsNotSupported() {
    ActivationSpec foreign =
        new ActivationSpec() {
          @Override
          public ResourceAdapter getResourceAdapter() {
            return null;
          }

          @Override
          public void setResourceAdapter(ResourceAdapter ra) {}

          @Override
          public void validate() {}
        };
    assertThatThrownBy(() -> RtmpActivationSpec.from(foreign))
        .isInstanceOf(NotSupportedException.class);
  }
}
