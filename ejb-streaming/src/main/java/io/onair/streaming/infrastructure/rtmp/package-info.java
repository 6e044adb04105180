/**
 * The streaming side's handles on the RTMP adapter: its JMX view, to stop broadcasts, and its live
 * feeds, the outbound JCA connections through which frames of live channels reach the EJBs.
 */
package io.onair.streaming.infrastructure.rtmp;
