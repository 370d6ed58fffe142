"""gettext catalogs: the message layout, templates, PO/MO files, merging and compiling."""
