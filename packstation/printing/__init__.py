"""Label and document printing: the Market's label PDF rendered at the printer's own resolution,
thresholded to crisp 1-bit and painted 1:1 onto a page of exactly the media size; printer
profiles, the virtual PDF printer, own rendering of label data and packing slips with reportlab.
"""
