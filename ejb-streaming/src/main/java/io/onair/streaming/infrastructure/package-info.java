/** Technical implementations of what the domain and application layers declare. */
package io.onair.streaming.infrastructure;
