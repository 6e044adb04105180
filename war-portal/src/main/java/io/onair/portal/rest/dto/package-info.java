/** What the REST API reads and writes, as JSON records. */
package io.onair.portal.rest.dto;
