/**
 * The streaming domain: one sub-package per aggregate. Each aggregate owns its rules and has its
 * repository interface beside it; the JPA implementations live in {@code
 * infrastructure.persistence}. {@link io.onair.streaming.domain.BearerSecret} sits here because two
 * aggregates (stream keys, viewer tokens) are credentials of the same kind.
 */
package io.onair.streaming.domain;
