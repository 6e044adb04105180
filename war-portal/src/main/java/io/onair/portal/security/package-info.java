/** Who the caller is: Jakarta Security's identity store over the account tables. */
package io.onair.portal.security;
