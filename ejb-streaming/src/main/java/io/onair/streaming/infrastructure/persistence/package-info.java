/**
 * JPA (Hibernate on PostgreSQL) implementations of the domain repositories, and the schema
 * migrations that run before anything else touches the database.
 */
package io.onair.streaming.infrastructure.persistence;
