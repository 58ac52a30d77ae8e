"""8D reports at the station: the list window, the D1–D8 editor, the signature dialog."""
