/**
 * Live packaging: the frames of a live feed made into CMAF tracks as they arrive, with media time
 * kept continuous across encoder reconnects. Plain classes; the container glue that runs them on a
 * managed executor lives in the application layer.
 */
package io.onair.streaming.media.live;
