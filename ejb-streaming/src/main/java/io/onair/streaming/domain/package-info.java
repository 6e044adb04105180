/**
 * The streaming domain: one sub-package per aggregate. Each aggregate owns its rules and has its
 * repository interface beside it; the JPA implementations live in {@code
 * infrastructure.persistence}.
 */
package io.onair.streaming.domain;
