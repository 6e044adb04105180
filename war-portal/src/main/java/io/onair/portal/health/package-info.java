/** MicroProfile Health checks: what {@code /health/ready} reports. */
package io.onair.portal.health;
