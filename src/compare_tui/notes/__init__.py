"""The reader's notes: targets, notes, the set of a memo, parsing, storage, the journal."""
