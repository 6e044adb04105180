/**
 * Stream keys: the secrets broadcasters publish with. A key is shown once when it is issued and
 * stored only as its SHA-256 hash.
 */
package io.onair.streaming.domain.streamkey;
