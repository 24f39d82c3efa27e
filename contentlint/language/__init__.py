"""The language layer: the one definition of each thing every analysis reads in prose.

``words`` (a word, the function words), ``sentences`` (the segmenter), ``numbers``
(every written form of a figure, with its hedge), ``calendar`` (dates, times relative
to the article, durations and ages), ``names`` (people, titles and roles, parties and
places). Nothing here knows about documents, rules or configuration: each module maps
text to offsets and values, so "twenty-five" or "3,200" reads the same in a word-count
claim, a readability count and a contradiction.
"""
