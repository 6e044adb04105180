/** Where recorded media lives on disk. */
package io.onair.streaming.infrastructure.storage;
