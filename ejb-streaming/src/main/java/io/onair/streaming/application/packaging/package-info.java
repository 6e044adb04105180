/**
 * Live packaging in the container: a job per live broadcast on a managed executor, fed by the RTMP
 * adapter's live feed, recording its CMAF segments.
 */
package io.onair.streaming.application.packaging;
