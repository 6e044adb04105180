package io.onair.rtmp.adapter;

import io.onair.rtmp.api.RtmpListener;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.util.regex.Pattern;

/**
 * How a message-driven bean asks to receive the RTMP control decisions of one RTMP application (the
 * path element after the host in {@code rtmp://host/live}).
 */
@Activation(messageListeners = RtmpListener.class)
public class RtmpActivationSpec implements ActivationSpec {

  private static final Pattern APPLICATION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private String application = "live";
  private ResourceAdapter resourceAdapter;

  public void setApplication(String application) {
    this.application = application;
  }

  public String getApplication() {
    return application;
  }

  /** Fails at deployment, naming the property, rather than when the first encoder connects. */
  @Override
  public void validate() throws InvalidPropertyException {
    if (application == null || !APPLICATION_NAME.matcher(application).matches()) {
      InvalidPropertyException e =
          new InvalidPropertyException(
              "application must be 1 to 64 of [A-Za-z0-9_-], was '" + application + "'");
      e.setInvalidPropertyDescriptors(new PropertyDescriptor[] {descriptor("application")});
      throw e;
    }
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
    this.resourceAdapter = resourceAdapter;
  }

  static RtmpActivationSpec from(ActivationSpec spec) throws ResourceException {
    if (spec instanceof RtmpActivationSpec rtmp) {
      rtmp.validate();
      return rtmp;
    }
    throw new NotSupportedException(
        "OnAir RTMP cannot activate " + (spec == null ? "null" : spec.getClass().getName()));
  }

  private static PropertyDescriptor descriptor(String property) {
    try {
      return new PropertyDescriptor(property, RtmpActivationSpec.class);
    } catch (IntrospectionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "RtmpActivationSpec[application=" + application + "]";
  }
}
