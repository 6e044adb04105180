/**
 * What crosses the resource adapter's boundary: the message-listener interface the adapter delivers
 * RTMP control decisions through, the records it passes, and the management interface it registers
 * with JMX. This package is also published as the adapter's {@code api} jar, which the EJB module
 * compiles against; at run time the deployed RAR supplies these classes.
 */
package io.onair.rtmp.api;
