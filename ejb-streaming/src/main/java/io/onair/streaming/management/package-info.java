/** What operators and health probes read about the streaming side: database and schema state. */
package io.onair.streaming.management;
