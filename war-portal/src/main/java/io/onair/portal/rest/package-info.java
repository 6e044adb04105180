/**
 * The REST API under {@code /api}: resources translate HTTP to use cases in a few lines and return
 * DTO records, never entities.
 */
package io.onair.portal.rest;
