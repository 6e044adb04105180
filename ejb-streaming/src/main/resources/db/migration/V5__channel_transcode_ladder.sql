-- A channel's own transcoding ladder, in the one-line syntax of media.transcode.LadderSyntax as
-- the application writes it (every option spelled out). NULL: the channel has none of its own
-- and the server's ladder applies. 'none' is a ladder too, one without rungs: this channel is
-- never transcoded, whatever the server's ladder is.
-- 2000 characters: eight rungs written out in full take about 1000.
alter table channel add column transcode_ladder varchar(2000);
