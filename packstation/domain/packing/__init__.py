"""The packing of one order as pure rules: the immutable `Packing` value and its edits (`model`),
which codes a line needs (`codes`), why an edit is refused (`errors`), the journal's encoding of
orders and codes (`journal`), the labels the Market holds for a sent layout (`labels`) and
shortening an order (`shorten`).
"""
