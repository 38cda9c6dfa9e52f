-- Search at a million songs (issue 19): a genre search is counted and paged from one index alone
-- (index-only scans: the genre, the sort key and the album are in it; `genre` itself too, because
-- the planner asks for the column under lower()). The old genre index becomes this one.
drop index if exists songs_genre;
create index songs_genre on songs (lower(genre), name, id) include (album_id, genre) where removed_at is null;
-- Statistics of lower(genre), so that the planner knows how broad a genre is (an expression index
-- that is partial gets none) and chooses between walking the name order and sorting the matches.
create statistics songs_genre_lower on (lower(genre)) from songs;
