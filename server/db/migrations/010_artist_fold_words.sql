-- Suggestions: artists whose name has a word starting with what was typed, from a GIN (the same
-- folded expression as suggest-repo.ts and migration 008), instead of folding every artist's name.
create index artist_profiles_fold_words on artist_profiles using gin (to_tsvector('simple', translate(lower(name), 'àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż', 'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz'))) with (fastupdate = off);
