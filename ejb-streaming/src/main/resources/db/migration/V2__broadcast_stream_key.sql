-- Which key started a broadcast: revoking that key must end its live publish, and only that one.
alter table broadcast add column stream_key_id bigint references stream_key (id);
create index broadcast_by_stream_key on broadcast (stream_key_id) where state = 'LIVE';
