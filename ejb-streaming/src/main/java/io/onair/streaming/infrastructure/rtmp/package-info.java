/** The streaming side's handle on the RTMP adapter, through the adapter's JMX view. */
package io.onair.streaming.infrastructure.rtmp;
