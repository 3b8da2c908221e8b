"""The whole essay on one page, to print or save as PDF: its pages in nav order, notes kept."""
