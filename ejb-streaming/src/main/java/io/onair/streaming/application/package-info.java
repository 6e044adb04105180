/**
 * The use cases: thin stateless session beans that check who may do what, load aggregates, let them
 * apply their rules and store them. Entry points (REST, the ingest MDB) call only these.
 */
package io.onair.streaming.application;
