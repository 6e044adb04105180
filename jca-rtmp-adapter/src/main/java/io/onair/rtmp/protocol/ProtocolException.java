package io.onair.rtmp.protocol;

/**
 * A peer broke the protocol or one of our limits. It names the field and the value, so the single
 * log line that closes the connection says what the peer did. It is never thrown for our own
 * faults: a bug stays an ordinary exception and is logged as one.
 */
public class ProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final transient Object value;

  /**
   * @param field the protocol field at fault, as the spec names it ("chunk size", "AMF0 marker")
   * @param value the value the peer sent
   * @param rule what the value should have been, completing "field value: rule"
   */
  public ProtocolException(String field, Object value, String rule) {
    super(field + " " + value + ": " + rule);
    this.field = field;
    this.value = value;
  }

  public String field() {
    return field;
  }

  public Object value() {
    return value;
  }
}
