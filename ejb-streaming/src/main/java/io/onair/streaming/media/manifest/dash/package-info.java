/**
 * MPEG-DASH Media Presentation Descriptions (ISO/IEC 23009-1, following the DASH-IF live
 * guidelines): a dynamic MPD while the broadcast is live, a static one for its replay. Pure
 * functions of the model; delivery serves what they return as {@code application/dash+xml}.
 */
package io.onair.streaming.media.manifest.dash;
