/** The intranet portal: pages, the REST API, health, security and (later) media delivery. */
package io.onair.portal;
